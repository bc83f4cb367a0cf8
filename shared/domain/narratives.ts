/** The narrative sections of a unit's report (I–IV), as the plans' report outlines name them. */
export const NARRATIVE_SECTIONS = [
  { key: 'results', label: 'I. Kết quả thực hiện' },
  { key: 'difficulties', label: 'II. Khó khăn, vướng mắc' },
  { key: 'directions', label: 'III. Phương hướng, nhiệm vụ kỳ tới' },
  { key: 'proposals', label: 'IV. Đề xuất, kiến nghị' },
] as const;
export type NarrativeKey = (typeof NARRATIVE_SECTIONS)[number]['key'];

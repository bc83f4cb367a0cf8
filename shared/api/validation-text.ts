/**
 * A rejected argument said in Vietnamese about the field, never with the contract's internal
 * names: "Tên cơ quan dài quá 200 ký tự." instead of "Dữ liệu không hợp lệ (organisationName):
 * Too big…". The contract's own messages (already Vietnamese) are kept, with the field in front.
 */

/** What each field of the contract is called on the screen. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  agencies: 'cơ quan', allowsNegative: 'cho phép số âm', annex: 'phụ lục', authority: 'thẩm quyền ký', batchId: 'đợt nhận tệp', breakdowns: 'phân tổ',
  catalogueIndicatorId: 'chỉ tiêu thống kê', categoryIds: 'nhóm phân tổ', code: 'mã', concept: 'khái niệm', content: 'nội dung', cooperatingBodies: 'đơn vị phối hợp',
  cooperatingText: 'đơn vị phối hợp', cooperatingUnitIds: 'đơn vị phối hợp', dataFrom: 'ngày bắt đầu lấy số liệu', dataTo: 'ngày chốt số liệu', date: 'ngày ban hành',
  deadlines: 'hạn nộp', decimals: 'số chữ số thập phân', denominator: 'mẫu số', denominatorLabel: 'tên mẫu số', direction: 'hướng đánh giá', document: 'văn bản',
  dueOn: 'hạn nộp', effectiveOn: 'ngày có hiệu lực', events: 'số hoạt động', factor: 'hệ số', fileName: 'tên tệp', files: 'tệp', funds: 'kinh phí', groupCode: 'mã nhóm',
  groupName: 'tên nhóm', isPhaseEnd: 'chỉ tiêu cuối giai đoạn', issuedOn: 'ngày ban hành', issuerName: 'cơ quan ban hành', issuerUnitId: 'đơn vị ban hành',
  issuingBody: 'cơ quan ban hành', kind: 'loại', leadBody: 'đơn vị chủ trì', leadUnitId: 'đơn vị chủ trì', maxValue: 'giá trị lớn nhất', message: 'nội dung',
  minValue: 'giá trị nhỏ nhất', name: 'tên', narratives: 'nội dung báo cáo', note: 'ghi chú', number: 'số văn bản', numerator: 'tử số', numeratorLabel: 'tên tử số',
  options: 'các lựa chọn', organisationName: 'tên cơ quan', parentBody: 'cơ quan chủ quản', parentId: 'đơn vị cấp trên', parentPlanId: 'kế hoạch giai đoạn',
  parentUnitId: 'đơn vị tổng hợp', participants: 'số người tham gia', password: 'mật khẩu', place: 'địa danh', product: 'sản phẩm', progress: 'kết quả thực hiện',
  rateFactor: 'cách tính tỷ lệ', reason: 'lý do', recipients: 'nơi nhận', reporters: 'đơn vị báo cáo', rollup: 'cách tổng hợp', shortName: 'tên viết tắt',
  signerName: 'người ký', signerTitle: 'chức vụ người ký', status: 'tình trạng', subject: 'trích yếu', symbol: 'ký hiệu', targets: 'chỉ tiêu theo năm',
  textValue: 'nội dung', timeframe: 'thời gian thực hiện', title: 'tiêu đề', unitLabel: 'đơn vị tính', userName: 'tên người dùng', value: 'giá trị', valueKind: 'loại số liệu',
  year: 'năm', yearFrom: 'năm bắt đầu', yearTo: 'năm kết thúc',
  // Chosen, not typed: what the choice was of.
  id: 'mục đã chọn', periodId: 'kỳ báo cáo', unitId: 'đơn vị', underUnitId: 'đơn vị', measureId: 'chỉ tiêu', planId: 'kế hoạch', reportId: 'báo cáo', taskId: 'nhiệm vụ', goalId: 'mục tiêu', indicatorId: 'chỉ tiêu',
};

/** The part of a zod issue this needs (v4). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The field's name as a user reads it, with its position in a list: "hạn nộp thứ 2". */
export function fieldLabel(path: readonly PropertyKey[]): string | null {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names.at(-1);
  const label = last ? FIELD_LABELS[last] : undefined;
  if (!label) return null;
  const index = path.at(-1);
  return typeof index === 'number' ? `${label} thứ ${index + 1}` : label;
}

/** One sentence for the first rejected argument. */
export function validationText(issue: IssueLike | undefined): string {
  if (!issue) return 'Dữ liệu gửi lên không đúng định dạng.';
  const label = fieldLabel(issue.path);
  const field = label ?? 'một ô';
  // The contract's own messages are Vietnamese (they have letters outside ASCII): they say what to do.
  const own = /[^\x00-\x7F]/.test(issue.message);
  if (own) return `${capital(label && !issue.message.toLowerCase().startsWith(label.toLowerCase()) ? `${label}: ${issue.message}` : issue.message)}.`;
  const n = (x: number | bigint | undefined) => (x === undefined ? '' : String(x).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? `${capital(field)} dài quá ${n(issue.maximum)} ký tự.` : issue.origin === 'array' ? `${capital(field)}: nhiều nhất ${n(issue.maximum)} mục.` : `${capital(field)} phải không lớn hơn ${n(issue.maximum)}.`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `Cần nhập ${field}.` : `${capital(field)} cần ít nhất ${n(issue.minimum)} ký tự.`;
      return issue.origin === 'array' ? `Cần ít nhất ${n(issue.minimum)} ${field}.` : `${capital(field)} phải không nhỏ hơn ${n(issue.minimum)}.`;
    case 'invalid_type':
      // zod says "expected string, received undefined" when the field is not there at all.
      return /received (undefined|null)/.test(issue.message) ? `Thiếu ${field}.` : `${capital(field)} không đúng kiểu (cần ${/expected (number|int)/.test(issue.message) ? 'một số' : /expected boolean/.test(issue.message) ? 'có hoặc không' : 'chữ'}).`;
    case 'invalid_format':
      return `${capital(field)} không đúng định dạng.`;
    case 'invalid_value':
      return `${capital(field)} không thuộc các lựa chọn có sẵn.`;
    case 'not_multiple_of':
      return `${capital(field)} phải là số nguyên.`;
    case 'unrecognized_keys':
      return 'Dữ liệu gửi lên có trường không dùng đến.';
    default:
      return `${capital(field)} không hợp lệ.`;
  }
}

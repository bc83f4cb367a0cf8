/**
 * Kon Tum's organisation units as named in the reference plans (2022–2025):
 * the province, its 10 district-level units and the departments that lead indicators or tasks.
 * The start date of each unit's history is not in the plans: 2020-01-01 stands for "before the plans".
 */
import type { UnitKind } from '../../../shared/domain/org-units';

export const DEMO_HISTORY_START = '2020-01-01';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
}

export const KONTUM_PROVINCE: DemoUnit = { code: 'KT', name: 'Tỉnh Kon Tum', kind: 'province', parent: null };

export const KONTUM_DISTRICTS: DemoUnit[] = [
  ['KT.TP', 'Thành phố Kon Tum'],
  ['KT.DG', 'Huyện Đắk Glei'],
  ['KT.NH', 'Huyện Ngọc Hồi'],
  ['KT.DT', 'Huyện Đắk Tô'],
  ['KT.KPL', 'Huyện Kon Plông'],
  ['KT.KR', 'Huyện Kon Rẫy'],
  ['KT.DH', 'Huyện Đắk Hà'],
  ['KT.ST', 'Huyện Sa Thầy'],
  ['KT.TMR', 'Huyện Tu Mơ Rông'],
  ['KT.IHD', 'Huyện Ia H’Drai'],
].map(([code, name]) => ({ code: code!, name: name!, kind: 'district' as const, parent: 'KT' }));

export const KONTUM_DEPARTMENTS: DemoUnit[] = [
  ['KT.SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'department'],
  ['KT.SYT', 'Sở Y tế', 'department'],
  ['KT.SGDDT', 'Sở Giáo dục và Đào tạo', 'department'],
  ['KT.CA', 'Công an tỉnh', 'department'],
  ['KT.STP', 'Sở Tư pháp', 'department'],
  ['KT.BDT', 'Ban Dân tộc', 'department'],
  ['KT.SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'department'],
  ['KT.TD', 'Tỉnh đoàn', 'agency'],
  ['KT.BCHQS', 'Bộ Chỉ huy Quân sự tỉnh', 'agency'],
  ['KT.STTTT', 'Sở Thông tin và Truyền thông', 'department'],
  ['KT.SNV', 'Sở Nội vụ', 'department'],
  ['KT.STNMT', 'Sở Tài nguyên và Môi trường', 'department'],
  ['KT.SKHDT', 'Sở Kế hoạch và Đầu tư', 'department'],
  ['KT.STC', 'Sở Tài chính', 'department'],
].map(([code, name, kind]) => ({ code: code!, name: name!, kind: kind as UnitKind, parent: 'KT' }));

export const KONTUM_UNITS: DemoUnit[] = [KONTUM_PROVINCE, ...KONTUM_DISTRICTS, ...KONTUM_DEPARTMENTS];

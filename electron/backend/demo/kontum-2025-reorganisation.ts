/**
 * The demo's communes (2024, three tiers) and the 2025 reorganisation that makes the tree two
 * tiers: child affairs pass from the labour departments to the health departments (01/03/2025),
 * districts end and communes come directly under the province, and Kon Tum is merged into
 * Quảng Ngãi (01/07/2025).
 *
 * Real: the province, districts, departments, ministries, the dates and what moved where, and
 * "xã Ia Tơi" (named in the Ia H'Drai plan). The plans name no other commune: the communes
 * below and the commune mergers of 2025 are sample data, marked as such in the app. The demo
 * holds Kon Tum's side of the merged province only.
 */
import type { DemoUnit } from './kontum-units';

export const MINISTRIES: DemoUnit[] = [
  { code: 'BLDTBXH', name: 'Bộ Lao động - Thương binh và Xã hội', kind: 'ministry', parent: null },
  { code: 'BYT', name: 'Bộ Y tế', kind: 'ministry', parent: null },
  { code: 'BNV', name: 'Bộ Nội vụ', kind: 'ministry', parent: null },
];

export const QUANG_NGAI: DemoUnit = { code: 'QNG', name: 'Tỉnh Quảng Ngãi', kind: 'province', parent: null };

/** Units holding child affairs from the start of the demo's history. */
export const CHILD_AFFAIRS_2024 = ['BLDTBXH', 'KT.SLDTBXH'];

/** Sample communes per district code; the first name of Ia H'Drai is real. */
const SAMPLE_COMMUNES: Record<string, string[]> = {
  'KT.TP': ['Phường Quyết Thắng', 'Phường Thắng Lợi', 'Phường Quang Trung', 'Xã Đắk Cấm', 'Xã Vinh Quang'],
  'KT.DG': ['Thị trấn Đắk Glei', 'Xã Đắk Pék', 'Xã Đắk Choong'],
  'KT.NH': ['Thị trấn Plei Kần', 'Xã Đắk Xú', 'Xã Bờ Y'],
  'KT.DT': ['Thị trấn Đắk Tô', 'Xã Tân Cảnh', 'Xã Diên Bình'],
  'KT.KPL': ['Xã Đắk Long', 'Xã Măng Cành', 'Xã Hiếu'],
  'KT.KR': ['Thị trấn Đắk Rve', 'Xã Đắk Tờ Lung', 'Xã Đắk Kôi'],
  'KT.DH': ['Thị trấn Đắk Hà', 'Xã Hà Mòn', 'Xã Ngọk Wang'],
  'KT.ST': ['Thị trấn Sa Thầy', 'Xã Sa Bình', 'Xã Ya Xiêr'],
  'KT.TMR': ['Xã Đắk Rơ Ông', 'Xã Văn Xuôi', 'Xã Đắk Tờ Kan'],
  'KT.IHD': ['Xã Ia Tơi', 'Xã Ia Dom', 'Xã Ia Đal'],
};

export const REAL_COMMUNES = new Set(['Xã Ia Tơi']);

export const DEMO_COMMUNES: DemoUnit[] = Object.entries(SAMPLE_COMMUNES).flatMap(([district, names]) =>
  names.map((name, i) => ({ code: `${district}.${String(i + 1).padStart(2, '0')}`, name, kind: 'commune' as const, parent: district })),
);

export const CHILD_AFFAIRS_TRANSFER = {
  effectiveOn: '2025-03-01',
  title: 'Chuyển công tác trẻ em sang ngành Y tế; hợp nhất ngành Lao động - Thương binh và Xã hội vào ngành Nội vụ',
  note: 'Theo sắp xếp tổ chức bộ máy từ 01/03/2025.',
  transfers: [
    { from: 'BLDTBXH', to: 'BYT' },
    { from: 'KT.SLDTBXH', to: 'KT.SYT' },
  ],
  merges: [
    { from: 'BLDTBXH', into: 'BNV' },
    { from: 'KT.SLDTBXH', into: 'KT.SNV' },
  ],
};

export const TWO_TIER = {
  effectiveOn: '2025-07-01',
  title: 'Tổ chức chính quyền địa phương 2 cấp; hợp nhất tỉnh Kon Tum vào tỉnh Quảng Ngãi',
  note: 'Kết thúc hoạt động cấp huyện; xã, phường trực thuộc tỉnh. Các xã, phường mới là dữ liệu mẫu.',
  /** Sample commune mergers (A+B→C), by commune code, into a new commune. */
  communeMerges: [
    { sources: ['KT.TP.01', 'KT.TP.02', 'KT.TP.03'], name: 'Phường Kon Tum' },
    { sources: ['KT.TP.04', 'KT.TP.05'], name: 'Phường Đăk Cấm' },
    { sources: ['KT.NH.01', 'KT.NH.02'], name: 'Xã Ngọc Hồi' },
  ],
  /** Towns (thị trấn) that became communes keep their territory under a new name. */
  renames: [
    { code: 'KT.DG.01', name: 'Xã Đăk Glei' },
    { code: 'KT.DT.01', name: 'Xã Đăk Tô' },
    { code: 'KT.KR.01', name: 'Xã Kon Rẫy' },
    { code: 'KT.DH.01', name: 'Xã Đăk Hà' },
    { code: 'KT.ST.01', name: 'Xã Sa Thầy' },
  ],
  provinceMerge: { from: 'KT', into: 'QNG' },
};

/**
 * A SAMPLE of the statistical indicator set of Thông tư 13/2021/TT-BLĐTBXH (30/9/2021), as far
 * as the sources confirm it (see shared/reference/tt13-2021-indicators.md): the two indicators
 * whose codes were verified (0605 of Phụ lục III, 0101 of Phụ lục IV) and the names the news of
 * the circular list without codes. It is not the official list, and says so everywhere it goes.
 * The demo loads it; electron/tools/make-sample-catalogue.ts writes the same rows as the .xlsx
 * under resources/catalogues/ that a user can import.
 */
import type { CatalogueIndicatorFields } from '../../../shared/api/types';

export const TT13_SAMPLE = {
  code: 'TT13-MAU',
  title: 'Bộ chỉ tiêu thống kê về tình hình trẻ em và tình hình xâm hại trẻ em, xử lý vi phạm hành chính đối với các hành vi xâm hại trẻ em (MẪU)',
  document: 'Thông tư 13/2021/TT-BLĐTBXH',
  issuedOn: '2021-09-30',
  note:
    'Tệp MẪU, không phải danh mục chính thức: chỉ hai mã đã được đối chiếu với văn bản (0605 Phụ lục III, 0101 Phụ lục IV); ' +
    'các tên chỉ tiêu khác lấy từ tin giới thiệu thông tư (thuvienphapluat.vn, phunuvietnam.vn, 29/10/2021), chưa có mã. ' +
    'Có hiệu lực từ 15/11/2021. Hãy nhập bảng phụ lục chính thức khi có.',
};

const NAME_ONLY = 'Tên theo tin giới thiệu thông tư (29/10/2021); mã số, phương pháp tính chưa xác minh.';
const empty = { unitLabel: '', concept: '', numerator: '', denominator: '', factor: null, breakdowns: '', period: '', source: '', leadBody: '', cooperatingBodies: '' };
const named = (groupName: string, name: string): CatalogueIndicatorFields => ({ annex: 'III', code: null, groupCode: '', groupName, name, ...empty, note: NAME_ONLY });

export const TT13_SAMPLE_INDICATORS: CatalogueIndicatorFields[] = [
  named('Chỉ tiêu chung về trẻ em', 'Dân số trẻ em'),
  named('Chỉ tiêu chung về trẻ em', 'Tỷ số giới tính khi sinh'),
  named('Chỉ tiêu chung về trẻ em', 'Tỷ suất sinh thô'),
  named('Sức khỏe, dinh dưỡng trẻ em', 'Tỷ suất chết sơ sinh'),
  named('Sức khỏe, dinh dưỡng trẻ em', 'Tỷ suất chết của trẻ em dưới 5 tuổi'),
  named('Sức khỏe, dinh dưỡng trẻ em', 'Tỷ suất chết của trẻ em dưới 1 tuổi'),
  named('Bảo vệ trẻ em', 'Số lượng, tỷ lệ trẻ em có hoàn cảnh đặc biệt'),
  named('Bảo vệ trẻ em', 'Số lượng, tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp'),
  named('Giáo dục trẻ em', 'Số lượng, tỷ lệ huy động trẻ em từ 3 tháng đến 36 tháng tuổi đi nhà trẻ'),
  named('Giáo dục trẻ em', 'Số lượng, tỷ lệ huy động trẻ em từ 3 đến 5 tuổi đi học mẫu giáo'),
  named('Văn hóa, vui chơi, giải trí cho trẻ em', 'Tỷ lệ thôn và tương đương có thiết chế văn hóa, thể thao dành cho trẻ em'),
  named('Văn hóa, vui chơi, giải trí cho trẻ em', 'Tỷ lệ xã phường, thị trấn có điểm vui chơi dành cho trẻ em'),
  { ...named('Trẻ em tham gia vào các vấn đề trẻ em', 'Tỷ lệ trẻ em từ 7 tuổi trở lên được lấy ý kiến về các vấn đề của trẻ em'), groupCode: 'VI' },
  {
    annex: 'III',
    code: '0605',
    groupCode: 'VI',
    groupName: 'Trẻ em tham gia vào các vấn đề trẻ em',
    name: 'Tỷ lệ trẻ em được tiếp cận kiến thức, kỹ năng tham gia môi trường mạng an toàn',
    unitLabel: '%',
    concept: 'Tỷ lệ (%) = Số trẻ em được tiếp cận kiến thức, kỹ năng tham gia môi trường mạng an toàn / Tổng số trẻ em × 100',
    numerator: 'Số trẻ em được tiếp cận kiến thức, kỹ năng tham gia môi trường mạng an toàn',
    denominator: 'Tổng số trẻ em',
    factor: 100,
    breakdowns: 'Tỉnh/thành phố trực thuộc Trung ương',
    period: 'Năm',
    source: 'Chế độ báo cáo thống kê',
    leadBody: 'Bộ Thông tin và Truyền thông',
    cooperatingBodies: 'Bộ Giáo dục và Đào tạo; Bộ Lao động – Thương binh và Xã hội; bộ, ngành liên quan',
    note: 'Đã đối chiếu với văn bản (trang 57–58).',
  },
  {
    annex: 'IV',
    code: '0101',
    groupCode: 'I',
    groupName: 'Tình hình xâm hại trẻ em',
    name: 'Số trẻ em bị xâm hại',
    ...empty,
    concept:
      '(Tóm tắt, không phải nguyên văn) Trẻ em bị gây tổn hại về thân thể, tình cảm, tâm lý, danh dự, nhân phẩm dưới các hình thức bạo lực, bóc lột, xâm hại tình dục, mua bán, bỏ rơi, bỏ mặc và các hình thức gây tổn hại khác.',
    breakdowns: 'Giới tính; Nhóm tuổi; Môi trường xâm hại; (phân tổ thứ tư chưa đọc được)',
    note: 'Mã và tên đã đối chiếu; kỳ công bố, nguồn số liệu, cơ quan chịu trách nhiệm chưa xác minh (bản lưu bị cắt). Các nhóm tuổi chưa có trong nguồn.',
  },
];

/** Builds an indicator-table workbook laid out like the 2024 plan's appendix, with SheetJS. */
import * as XLSX from 'xlsx';

type Cell = string | number | null;

export const APPENDIX_ROWS: Cell[][] = [
  ['Phụ lục', null, null, null, null, null],
  ['PHÂN CÔNG THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU TRẺ EM 2026', null, null, null, null, null],
  ['(Kèm theo Kế hoạch số 15/KH-UBND)', null, null, null, null, null],
  [null, null, null, null, null, null],
  ['TT', 'Nội dung mục tiêu/chỉ tiêu', 'Đơn vị tính', 'Mục tiêu đến năm 2030', 'Mục tiêu năm 2026', 'Đơn vị thực hiện'],
  ['I', 'Mục tiêu về phát triển toàn diện trẻ em, chăm sóc sức khỏe, dinh dưỡng cho trẻ em', null, null, null, null],
  ['Chỉ tiêu 1', 'Số xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em', 'Xã', 56, 60, 'Sở Y tế chủ trì, phối hợp với các địa phương, đơn vị liên quan'],
  [null, 'Tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em', '%', 54.9, '58,82', null],
  ['Chỉ tiêu 2', 'Giảm tỷ suất tử vong trẻ sơ sinh trên 1.000 trẻ đẻ sống', '%o', '9,5', '9,6', null],
  ['II', 'Mục tiêu về bảo vệ trẻ em', null, null, null, null],
  ['Chỉ tiêu 3', 'Giảm tỷ xuất trẻ em bị tai nạn thương tích', 'Tỷ xuất', '510/100.000', '512/100.000', 'Công an tỉnh chủ trì, phối hợp với các địa phương'],
  ['Chỉ tiêu 4', 'Từng bước xóa bỏ tình trạng tảo hôn', '%', '2,0-3,0', '2,0-3,0', null],
  ['Chỉ tiêu 5', 'Tỷ lệ trường học có hỗ trợ, tư vấn tâm lý trẻ em; Trong đó:', '%', '95,0', '95,0', null],
  ['-', 'Duy trì các trường bán trú và dân tộc nội trú theo quy định', '%', 100, 100, null],
  ['Chỉ tiêu 6', 'Duy trì không có lao động trẻ em', 'Người', 0, 0, null],
  [null, 'Ghi chú: số liệu theo báo cáo của các sở', null, null, null, null],
];

export function appendixWorkbook(rows: Cell[][] = APPENDIX_ROWS, bookType: XLSX.BookType = 'xlsx'): Buffer {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = [{ s: { r: 6, c: 5 }, e: { r: 8, c: 5 } }];
  XLSX.utils.book_append_sheet(wb, ws, 'Phụ lục');
  return XLSX.write(wb, { type: 'buffer', bookType }) as Buffer;
}

/**
 * Writes resources/catalogues/tt13-2021-mau.xlsx: the sample catalogue of the demo
 * (electron/backend/demo/tt13-sample-catalogue.ts) laid out like the circular's annex tables, so a
 * user can see what the importer reads. Run: npx tsx electron/tools/make-sample-catalogue.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import type { CatalogueIndicatorFields } from '../../shared/api/types';
import { TT13_SAMPLE, TT13_SAMPLE_INDICATORS } from '../backend/demo/tt13-sample-catalogue';
import { SheetBuilder, writeStyledXlsx, type SheetStyles } from '../backend/xlsx/styled-workbook';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_CATALOGUE_FILE = path.join(root, 'resources/catalogues/tt13-2021-mau.xlsx');

const HEADERS = ['Mã số', 'Nhóm', 'Tên chỉ tiêu', 'Đơn vị tính', 'Khái niệm, phương pháp tính', 'Tử số', 'Mẫu số', 'Hệ số', 'Phân tổ chủ yếu', 'Kỳ công bố', 'Nguồn số liệu', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Ghi chú'];
const ANNEX_TITLES: Record<string, string> = {
  III: 'PHỤ LỤC III — NỘI DUNG CHỈ TIÊU THỐNG KÊ VỀ TÌNH HÌNH TRẺ EM',
  IV: 'PHỤ LỤC IV — NỘI DUNG CHỈ TIÊU THỐNG KÊ VỀ TÌNH HÌNH XÂM HẠI TRẺ EM, XỬ LÝ VI PHẠM HÀNH CHÍNH ĐỐI VỚI CÁC HÀNH VI XÂM HẠI TRẺ EM',
};

export function sampleCatalogueWorkbook(): Buffer {
  const wb = XLSX.utils.book_new();
  const styles = new Map<string, SheetStyles>();
  for (const annex of ['III', 'IV']) {
    const s = new SheetBuilder([8, 22, 40, 10, 44, 26, 18, 8, 26, 10, 18, 22, 30, 36]);
    const last = HEADERS.length - 1;
    s.merged(0, 0, last, `${TT13_SAMPLE.title.toUpperCase()}`, 'title');
    s.merged(1, 0, last, `(Ban hành kèm theo ${TT13_SAMPLE.document} ngày 30/9/2021) — TỆP MẪU, KHÔNG PHẢI DANH MỤC CHÍNH THỨC`, 'subtitle');
    s.merged(2, 0, last, TT13_SAMPLE.note, 'instructions');
    s.height(2, 48);
    s.merged(3, 0, last, ANNEX_TITLES[annex]!, 'labelBold');
    HEADERS.forEach((h, c) => s.set(5, c, h, 'header'));
    s.height(5, 32);
    let row = 6;
    let group = '';
    for (const i of TT13_SAMPLE_INDICATORS.filter((x) => x.annex === annex)) {
      if (i.groupCode && i.groupCode !== group) {
        group = i.groupCode;
        s.set(row, 0, null, 'group');
        s.set(row, 1, null, 'group');
        s.merged(row++, 2, last, `${i.groupCode}. ${i.groupName}`, 'group');
      }
      const cells: (keyof CatalogueIndicatorFields)[] = ['code', 'groupName', 'name', 'unitLabel', 'concept', 'numerator', 'denominator', 'factor', 'breakdowns', 'period', 'source', 'leadBody', 'cooperatingBodies', 'note'];
      cells.forEach((f, c) => s.set(row, c, (i[f] as string | number | null) ?? null, 'label'));
      row++;
    }
    const name = `Phụ lục ${annex}`;
    XLSX.utils.book_append_sheet(wb, s.finish(), name);
    styles.set(name, s.styles);
  }
  wb.Props = { Title: TT13_SAMPLE.title, Author: 'TongHop (tệp mẫu)' };
  return writeStyledXlsx(wb, styles);
}

const isEntry = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  fs.mkdirSync(path.dirname(SAMPLE_CATALOGUE_FILE), { recursive: true });
  fs.writeFileSync(SAMPLE_CATALOGUE_FILE, sampleCatalogueWorkbook());
  console.log(SAMPLE_CATALOGUE_FILE);
}

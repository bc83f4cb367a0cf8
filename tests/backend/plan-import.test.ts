import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { DEFAULT_PARSE_LIMITS, parseWorkbook } from '../../electron/backend/workers/parse-workbook';
import { APPENDIX_ROWS, appendixWorkbook } from '../helpers/appendix-workbook';
import { call, callError, testBackend } from '../helpers/backend';

const upload = (bytes: Buffer, fileName = 'Phu luc 2026.xlsx') => ({ fileName, dataBase64: bytes.toString('base64') });
const planFields = { number: '15/KH-UBND', title: 'Kế hoạch năm 2026', issuerName: 'UBND tỉnh', issuedOn: null, yearFrom: 2026, yearTo: 2026, parentPlanId: null };

describe('importing a plan from Excel', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await testBackend({ demo: true });
  });
  afterAll(() => backend.close());

  it('previews goals, indicators, measures and target years from an appendix-like sheet', async () => {
    const p = await call(backend, 'plan-import-preview', upload(appendixWorkbook()));
    expect(p.sheetName).toBe('Phụ lục');
    expect(p.headerRow).toBe(5);
    expect(p.targetColumns).toEqual([
      { year: 2030, isPhaseEnd: true, column: 'D', header: 'Mục tiêu đến năm 2030' },
      { year: 2026, isPhaseEnd: false, column: 'E', header: 'Mục tiêu năm 2026' },
    ]);
    expect(p.goals.map((g) => g.code)).toEqual(['I', 'II']);
    expect(p.goals.flatMap((g) => g.indicators.map((i) => [i.code, i.measures.length]))).toEqual([['1', 2], ['2', 1], ['3', 1], ['4', 1], ['5', 2], ['6', 1]]);
    expect(p.measureCount).toBe(8);
    expect(p.guessedTitle).toContain('PHÂN CÔNG THỰC HIỆN');
    expect(p.guessedYears).toMatchObject({ from: 2026, to: 2026, sure: false });
    expect(p.problems).toEqual([{ severity: 'warning', row: 16, cell: null, message: 'Dòng 16: không hiểu dòng này (không có đơn vị tính), đã bỏ qua: "Ghi chú: số liệu theo báo cáo của các sở".' }]);
  });

  it('reads which way is better from falling targets and "Giảm" rows, says why, and flags what it is not sure of', async () => {
    const rows = [
      ['TT', 'Nội dung mục tiêu/chỉ tiêu', 'Đơn vị tính', 'Năm 2023', 'Năm 2025', 'Đơn vị thực hiện'],
      ['I', 'Mục tiêu bảo vệ trẻ em', null, null, null, null],
      ['Chỉ tiêu 1', 'Tỷ suất trẻ em bị tai nạn thương tích', '/100.000', '2', '1', 'Sở Y tế'],
      ['Chỉ tiêu 2', 'Giảm tỷ lệ trẻ em suy dinh dưỡng thể thấp còi', '%', '22', '20', 'Sở Y tế'],
      ['Chỉ tiêu 3', 'Giảm tỷ lệ trẻ em bỏ học', '%', '1', '2', 'Sở Giáo dục và Đào tạo'],
      ['Chỉ tiêu 4', 'Tỷ lệ trường học có tư vấn tâm lý', '%', '95', '95', 'Sở Giáo dục và Đào tạo'],
    ];
    const p = await call(backend, 'plan-import-preview', upload(appendixWorkbook([['KẾ HOẠCH BẢO VỆ TRẺ EM GIAI ĐOẠN 2023-2025'], [], ...rows])));
    const m = p.goals[0]!.indicators.map((i) => i.measures[0]!);
    const direction = (k: number) => m[k]!.guesses.find((g) => g.field === 'direction')!;
    expect(m.map((x) => x.direction)).toEqual(['at_most', 'at_most', 'at_most', 'at_least']);
    expect(direction(0)).toMatchObject({ why: 'mục tiêu giảm từ 2 (2023) xuống 1 (2025) → càng thấp càng tốt', sure: true });
    expect(direction(1)).toMatchObject({ why: 'dòng chỉ số bắt đầu bằng "Giảm" → càng thấp càng tốt', sure: true });
    // "Giảm" but the targets rise: kept as the row says, and flagged.
    expect(direction(2)).toMatchObject({ sure: false });
    expect(direction(2).why).toContain('nhưng mục tiêu tăng từ 1 (2023) lên 2 (2025) — hãy kiểm tra');
    expect(direction(3)).toMatchObject({ sure: false });
    expect(m[0]!.guesses.find((g) => g.field === 'kind')).toMatchObject({ value: 'Tỷ lệ / tỷ suất (/100.000)', sure: true });
    expect(p.guessedYears).toEqual({ from: 2023, to: 2025, why: 'tên kế hoạch ghi "GIAI ĐOẠN 2023-2025"', sure: true });
  });

  it('commits in one transaction, with Vietnamese numbers and lead units read right', async () => {
    const summary = await call(backend, 'plan-import-commit', { ...upload(appendixWorkbook()), plan: planFields });
    expect(summary).toMatchObject({ goalCount: 2, indicatorCount: 6, measureCount: 8 });
    const plan = await call(backend, 'plan-get', { id: summary.id });
    const m = new Map(plan.goals.flatMap((g) => g.indicators.flatMap((i) => i.measures)).map((x) => [x.code, x]));
    expect(m.get('1.1')!).toMatchObject({ unitLabel: 'Xã', valueKind: 'count', rollup: 'sum', leadUnitName: 'Sở Y tế' });
    expect(m.get('1.2')!.targets.map((t) => [t.year, t.isPhaseEnd, t.value, t.text])).toEqual([[2030, true, 54.9, '54,9'], [2026, false, 58.82, '58,82']]);
    expect(m.get('2')!).toMatchObject({ unitLabel: '‰', rateFactor: 1000, direction: 'at_most', leadUnitName: 'Sở Y tế' });
    expect(m.get('3')!).toMatchObject({ unitLabel: '/100.000', rateFactor: 100000, direction: 'at_most', leadUnitName: 'Công an tỉnh' });
    expect(m.get('3')!.targets.map((t) => t.value)).toEqual([510, 512]);
    expect(m.get('4')!).toMatchObject({ direction: 'range' });
    expect(m.get('4')!.targets[0]).toMatchObject({ value: 2, valueMax: 3 });
    expect(m.get('5.2')!.name).toBe('Duy trì các trường bán trú và dân tộc nội trú theo quy định');
    expect(m.get('6')!).toMatchObject({ direction: 'equal', valueKind: 'count' });
  });

  it('reads a legacy .xls the same way', async () => {
    const p = await call(backend, 'plan-import-preview', upload(appendixWorkbook(APPENDIX_ROWS, 'biff8'), 'Phu luc.xls'));
    expect(p.measureCount).toBe(8);
    expect(p.goals[0]!.indicators[0]!.measures[1]!.targets.map((t) => t.text)).toEqual(['54,9', '58,82']);
  });

  it('names the row and cell of each bad value and writes nothing', async () => {
    const rows = APPENDIX_ROWS.map((r) => [...r]);
    rows[7]![4] = '58,8a';
    rows[8]![3] = '150%';
    rows[8]![2] = '%';
    const before = (await call(backend, 'plan-list', {})).length;
    const p = await call(backend, 'plan-import-preview', upload(appendixWorkbook(rows)));
    expect(p.problems.filter((x) => x.severity === 'error')).toEqual([
      { severity: 'error', row: 8, cell: 'E8', message: 'Dòng 8, ô E8: "58,8a" không phải là số.' },
      { severity: 'error', row: 9, cell: 'D9', message: 'Dòng 9, ô D9: tỷ lệ "150%" nằm ngoài khoảng 0–100%.' },
    ]);
    const e = await callError(backend, 'plan-import-commit', { ...upload(appendixWorkbook(rows)), plan: planFields });
    expect(e.message).toContain('Phu luc 2026.xlsx › Phụ lục: còn 2 lỗi, chưa nhập.');
    expect((await call(backend, 'plan-list', {})).length).toBe(before);
  });

  it('explains files it cannot use', async () => {
    const noHeader = await callError(backend, 'plan-import-preview', upload(appendixWorkbook([['a', 'b'], [1, 2]])));
    expect(noHeader.message).toContain('không tìm thấy bảng chỉ tiêu (cần các cột "Nội dung mục tiêu/chỉ tiêu" và "Đơn vị tính"), bảng nhiệm vụ');
    const broken = appendixWorkbook().subarray(0, 900);
    const truncated = await callError(backend, 'plan-import-preview', upload(broken));
    expect(truncated.message).toMatch(/^Phu luc 2026\.xlsx: tệp bị hỏng \(thiếu phần cuối/);
    const wrongType = await callError(backend, 'plan-import-preview', upload(Buffer.from('hello'), 'ke-hoach.docx'));
    expect(wrongType.message).toBe('ke-hoach.docx: chỉ nhận bảng tính Excel (.xlsx, .xlsm, .xls) hoặc LibreOffice (.ods), không nhận tệp .docx.');
    const empty = await callError(backend, 'plan-import-preview', upload(Buffer.alloc(0)));
    expect(empty.message).toBe('Phu luc 2026.xlsx: tệp rỗng.');
  });

  it('stops a parse that runs past its time or cell limit', async () => {
    const bytes = new Uint8Array(appendixWorkbook());
    await expect(parseWorkbook(bytes, 'cham.xlsx', { ...DEFAULT_PARSE_LIMITS, timeoutMs: 1, maxMemoryMb: 256, maxCells: 1000 })).rejects.toThrow('cham.xlsx: đọc tệp quá 0 giây nên đã dừng');
    await expect(parseWorkbook(bytes, 'lon.xlsx', { ...DEFAULT_PARSE_LIMITS, maxMemoryMb: 256, maxCells: 10 })).rejects.toThrow('lon.xlsx: tệp có quá nhiều ô');
    const ok = await parseWorkbook(bytes, 'ok.xlsx');
    expect(ok.sheets[0]!.rows[4]![1]!.v).toBe('Nội dung mục tiêu/chỉ tiêu');
  });
});

import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appendixWorkbook } from '../helpers/appendix-workbook';
import { REPO_ROOT, tempDir } from '../helpers/backend';
import fs from 'node:fs';
import { fillTemplate } from '../helpers/fill-template';
import { crcTaskRows, workbookOf } from '../helpers/task-workbook';
import * as XLSX from 'xlsx';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const cli = (args: string[]) => run(TSX, [path.join(REPO_ROOT, 'electron/backend/cli.ts'), ...args], { cwd: REPO_ROOT, env: { ...process.env, NODE_NO_WARNINGS: '1' } });

describe('command line', () => {
  it('loads the demo, lists and shows plans as JSON, imports a plan file', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const demo = await cli(['demo', '--db', db]);
    expect(demo.stdout).toContain('Đã nạp dữ liệu mẫu');
    const list = JSON.parse((await cli(['plan', 'list', '--json', '--db', db])).stdout);
    expect(list).toHaveLength(5);
    const plan2024 = list.find((p: { title: string }) => p.title.endsWith('tỉnh Kon Tum năm 2024'));
    const show = JSON.parse((await cli(['plan', 'show', String(plan2024.id), '--json', '--db', db])).stdout);
    expect(show.goals[0].indicators[0].measures[1].targets[1].text).toBe('58,82');
    const file = path.join(dir, 'Phụ lục 2026.xlsx');
    fs.writeFileSync(file, appendixWorkbook());
    const imported = await cli(['plan', 'import', file, '--number', '15/KH-UBND', '--db', db]);
    expect(imported.stdout).toContain('Đã nhập kế hoạch số 6: 2 mục tiêu, 6 chỉ tiêu, 8 chỉ số, 0 nhiệm vụ.');
    expect(imported.stdout).toContain('Cơ quan "Sở Y tế" (dòng 7, 8, 9): đúng tên đơn vị.');
    expect(imported.stderr).toContain('Phụ lục 2026.xlsx › Phụ lục › Dòng 16: không hiểu dòng này');
  }, 60_000);

  it('imports a task table: --dry-run --json says what was found, an unmatched agency stops the import until --unmatched decides, and a template holds only its unit\'s tasks', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    await cli(['demo', '--db', db]);
    const file = path.join(dir, 'Nhiệm vụ 2025.xlsx');
    fs.writeFileSync(file, workbookOf(crcTaskRows([[2, 'Vận động phụ nữ tham gia phòng, chống bạo lực gia đình.', 'Hội Liên hiệp Phụ nữ tỉnh', 'Công an tỉnh', 'Năm 2025', '']])));
    const found = JSON.parse((await cli(['plan', 'import', file, '--dry-run', '--json', '--db', db])).stdout);
    expect(found).toMatchObject({ measures: 0, tasks: 26, taskLayout: 'table', years: { from: 2025, to: 2025 } });
    expect(found.agencies.find((a: { text: string }) => a.text === 'Hội Liên hiệp Phụ nữ tỉnh')).toMatchObject({ rows: [38], match: { kind: 'none' } });
    const stopped = await cli(['plan', 'import', file, '--db', db]).catch((e: { code: number; stderr: string }) => e);
    expect(stopped).toMatchObject({ code: 1 });
    expect((stopped as { stderr: string }).stderr).toContain('Chưa chọn đơn vị cho 1 cơ quan: "Hội Liên hiệp Phụ nữ tỉnh" (dòng 38)');
    const done = JSON.parse((await cli(['plan', 'import', file, '--unmatched', 'create', '--json', '--db', db])).stdout);
    expect(done.plan).toMatchObject({ taskCount: 26, measureCount: 0 });

    // The demo's CRC period (6 tháng đầu năm 2025, number 6): Sở Tư pháp's template holds the tasks it leads and nothing else.
    const out = path.join(dir, 'bieu-mau');
    await cli(['template', '--period', '6', '--unit', 'KT.STP', '--out', out, '--db', db]);
    const [name] = fs.readdirSync(out);
    const wb = XLSX.read(fs.readFileSync(path.join(out, name!)), { type: 'buffer' });
    const keys = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Nhiệm vụ']!, { header: 1, defval: '' }).map((r) => String(r[0])).filter((k) => /^[IVX]+\.\d+$/.test(k));
    const status = JSON.parse((await cli(['status', '--period', '6', '--json', '--db', db])).stdout);
    const stp = status.units.find((u: { unitName: string }) => u.unitName === 'Sở Tư pháp');
    expect(keys).toEqual(stp.owes.tasks);
    expect(keys).toEqual(['I.2', 'II.2', 'III.2']);
    expect(stp.owes.measures).toEqual([]);
  }, 120_000);

  it('fails with a clear message and exit code 1', async () => {
    const db = path.join(tempDir(), 'cli.sqlite');
    const err = await cli(['plan', 'show', '99', '--db', db]).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toContain('Không tìm thấy kế hoạch số 99.');
    const missing = await cli(['plan', 'import', '/nonexistent.xlsx', '--db', db]).catch((e: { code: number; stderr: string }) => e);
    expect((missing as { stderr: string }).stderr).toContain('Không tìm thấy tệp "/nonexistent.xlsx".');
  }, 60_000);

  it('exports templates, imports filled files (exit 0 only when all were imported) and prints the status', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    await cli(['demo', '--db', db]);
    const status0 = JSON.parse((await cli(['status', '--period', '2', '--json', '--db', db])).stdout);
    expect(status0.period.name).toBe('Năm 2024');
    // The 10 districts and the two departments that own a figure of the province (Sở Y tế, Công an tỉnh); each says what it owes.
    expect(status0.units).toHaveLength(12);
    const owes = (name: string) => status0.units.find((u: { unitName: string }) => u.unitName === name).owes;
    expect(owes('Huyện Sa Thầy').measures).toHaveLength(32);
    expect(owes('Công an tỉnh')).toEqual({ measures: ['9'], tasks: [] });
    expect(owes('Sở Y tế').measures).toEqual(['3.1', '3.2', '3.3', '5.1', '5.2', '6']);
    const out = path.join(dir, 'bieu-mau');
    const t = await cli(['template', '--period', '2', '--all', '--out', out, '--db', db]);
    expect(t.stdout.trim().split('\n')).toHaveLength(12);
    const saThay = path.join(out, 'Huyện Sa Thầy - Năm 2024.xlsx');
    const konRay = path.join(out, 'Huyện Kon Rẫy - Năm 2024.xlsx');
    fs.writeFileSync(saThay, fillTemplate(fs.readFileSync(saThay), { '1.1': { G: 3 } }));
    fs.writeFileSync(konRay, fillTemplate(fs.readFileSync(konRay), { '1.2': { E: '12,5a', F: '10' } }));
    const failed = await cli(['import', saThay, konRay, '--db', db]).catch((e: { code: number; stdout: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stdout: string }).stdout).toContain('Huyện Sa Thầy - Năm 2024.xlsx: đã nhận (Huyện Sa Thầy, lần 1)');
    expect((failed as { stdout: string }).stdout).toContain('Huyện Kon Rẫy - Năm 2024.xlsx › Chỉ tiêu › E');
    const one = path.join(out, 'Huyện Đắk Hà - Năm 2024.xlsx');
    fs.writeFileSync(one, fillTemplate(fs.readFileSync(one), { '1.1': { G: 2 } }));
    const ok = await cli(['import', one, '--json', '--db', db]);
    expect(JSON.parse(ok.stdout)[0]).toMatchObject({ outcome: 'imported', unitName: 'Huyện Đắk Hà' });
    const status = JSON.parse((await cli(['status', '--period', '2', '--json', '--db', db])).stdout);
    expect(status.counts).toMatchObject({ valid: 2, has_errors: 1 });
  }, 90_000);

  it('merges a period as JSON and exports the submission .xlsx', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    await cli(['demo', '--db', db]);
    const out = path.join(dir, 'bm');
    await cli(['template', '--period', '2', '--unit', 'KT.ST', '--out', out, '--db', db]);
    const f = path.join(out, 'Huyện Sa Thầy - Năm 2024.xlsx');
    fs.writeFileSync(f, fillTemplate(fs.readFileSync(f), { '1.1': { G: 4 }, '1.2': { E: '4', F: '5' } }));
    await cli(['import', f, '--db', db]);
    const merged = JSON.parse((await cli(['merge', '--period', '2', '--unit', 'KT', '--json', '--db', db])).stdout);
    const m12 = merged.measures.find((m: { code: string }) => m.code === '1.2');
    expect(m12).toMatchObject({ numerator: 4, denominator: 5, value: 80, target: '58,82', assessment: 'met', contributingUnits: ['Huyện Sa Thầy'] });
    expect(m12.missingUnits).toHaveLength(9);
    expect(merged.completeness).toMatchObject({ expected: 12, reported: 1 });
    const wrong = await cli(['merge', '--period', '2', '--unit', 'KT.ST', '--db', db]).catch((e: { code: number; stderr: string }) => e);
    expect((wrong as { stderr: string }).stderr).toContain('do Tỉnh Kon Tum tổng hợp');
    const xlsx = path.join(dir, 'tong-hop.xlsx');
    await cli(['export', '--period', '2', '--unit', 'KT', '--format', 'xlsx', '--out', xlsx, '--db', db]);
    expect(fs.existsSync(xlsx)).toBe(true);
    const pdf = path.join(dir, 'bao-cao.pdf');
    await cli(['export', '--period', '2', '--format', 'pdf', '--out', pdf, '--number', '7', '--date', '05/12/2024', '--signer', 'Nguyễn Văn An', '--db', db]);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // --out naming a folder: the file goes in it under TongHop's name for it.
    const folder = path.join(dir, 'gui-tinh');
    fs.mkdirSync(folder);
    const inFolder = JSON.parse((await cli(['export', '--period', '2', '--format', 'pdf', '--out', folder, '--json', '--db', db])).stdout);
    expect(inFolder.file).toBe(path.join(folder, 'Bao cao - Tỉnh Kon Tum - Năm 2024.pdf'));
    expect(fs.readFileSync(inFolder.file).subarray(0, 5).toString()).toBe('%PDF-');

    // --charts: the chart annex, with the trends of the five measures furthest behind (1.2 is the only one with a figure, met: none).
    const charts = path.join(dir, 'bao-cao-bieu-do.pdf');
    await cli(['export', '--period', '2', '--format', 'pdf', '--charts', '--out', charts, '--number', '7', '--date', '05/12/2024', '--signer', 'Nguyễn Văn An', '--db', db]);
    const pdftotext = (f: string) => execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    if (fs.existsSync('/usr/bin/pdftotext')) {
      expect(pdftotext(pdf)).not.toContain('BIỂU ĐỒ KẾT QUẢ');
      const text = pdftotext(charts);
      expect(text).toContain('BIỂU ĐỒ KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU VỀ TRẺ EM');
      expect(text).toContain('1. Kết quả theo mục tiêu');
    }
    const chosen = path.join(dir, 'bao-cao-1-2.pdf');
    await cli(['export', '--period', '2', '--format', 'pdf', '--charts', '1.2', '--out', chosen, '--db', db]);
    if (fs.existsSync('/usr/bin/pdftotext')) expect(pdftotext(chosen)).toContain('Chỉ tiêu 1.2: Tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em');
    const unknown = await cli(['export', '--period', '2', '--format', 'pdf', '--charts', '99.9', '--out', chosen, '--db', db]).catch((e: { stderr: string }) => e);
    expect((unknown as { stderr: string }).stderr).toContain('Kỳ 2 không có chỉ tiêu 99.9');

    // remind: the units that owe the report, as JSON, and the công văn đôn đốc.
    const letter = path.join(dir, 'cong-van.pdf');
    const remind = JSON.parse((await cli(['remind', '--period', '2', '--out', letter, '--number', '15', '--due', '20/12/2030', '--json', '--db', db])).stdout);
    expect(remind.units).toHaveLength(11);
    expect(remind.units.map((u: { unit: string }) => u.unit)).not.toContain('Huyện Sa Thầy');
    expect(remind.units.find((u: { unit: string }) => u.unit === 'Huyện Đắk Glei')).toMatchObject({ status: 'missing', late: true });
    expect(remind.file).toBe(path.resolve(letter));
    if (fs.existsSync('/usr/bin/pdftotext')) {
      const text = pdftotext(letter);
      expect(text).toContain('V/v đôn đốc báo cáo năm 2024');
      expect(text).toContain('Số: 15/SLĐTBXH');
      expect(text).toContain('gửi báo cáo trước ngày 20/12/2030');
    }
    const human = await cli(['remind', '--period', '2', '--db', db]);
    expect(human.stdout).toContain('Huyện Đắk Glei');
    expect(human.stdout).toContain('chưa gửi · quá hạn: ');
  }, 120_000);

  it('shows breakdowns in plan show and merge, and imports, lists and exports catalogues', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    await cli(['demo', '--db', db]);
    // The sample 2026 plan breaks measure 9 down by sex and age group (sample bands).
    const plans = JSON.parse((await cli(['plan', 'list', '--json', '--db', db])).stdout) as { id: number; title: string }[];
    const plan2026 = plans.find((p) => p.title.includes('Quảng Ngãi năm 2026'))!;
    const show = JSON.parse((await cli(['plan', 'show', String(plan2026.id), '--json', '--db', db])).stdout);
    const nine = show.goals.flatMap((g: { indicators: { measures: unknown[] }[] }) => g.indicators.flatMap((i) => i.measures)).find((m: { code: string }) => m.code === '9');
    expect(nine.breakdown.categories.map((c: { name: string; isSample: boolean }) => [c.name, c.isSample])).toEqual([['Giới tính', false], ['Nhóm tuổi', true]]);
    expect(nine.breakdown.combos).toHaveLength(6);
    expect((await cli(['plan', 'show', String(plan2026.id), '--db', db])).stdout).toContain('phân tổ: Giới tính (Nam, Nữ) × Nhóm tuổi (Dưới 6 tuổi, Từ 6 đến dưới 11 tuổi, Từ 11 đến dưới 16 tuổi)');

    // The lead (Công an tỉnh) reports measure 9 by its parts; merge --json shows every combination.
    const out = path.join(dir, 'bm');
    await cli(['template', '--period', '4', '--unit', 'KT.CA', '--out', out, '--db', db]);
    const f = path.join(out, 'Công an tỉnh - 6 tháng đầu năm 2026.xlsx');
    fs.writeFileSync(f, fillTemplate(fs.readFileSync(f), { '9/NAM/DUOI-6': { E: 2, F: 10000 }, '9/NU/11-16': { E: 3, F: 9000 } }));
    const imported = await cli(['import', f, '--json', '--db', db]);
    expect(JSON.parse(imported.stdout)[0]).toMatchObject({ outcome: 'imported', unitName: 'Công an tỉnh' });
    const merged = JSON.parse((await cli(['merge', '--period', '4', '--json', '--db', db])).stdout);
    const m9 = merged.measures.find((m: { code: string }) => m.code === '9');
    expect(m9).toMatchObject({ numerator: 5, denominator: 19000 });
    expect(m9.breakdown.combinations[0]).toEqual({ options: ['Nam', 'Dưới 6 tuổi'], label: 'Nam · Dưới 6 tuổi', numerator: 2, denominator: 10000, value: 0.02 });
    expect(m9.breakdown.combinations[5]).toMatchObject({ options: ['Nữ', 'Từ 11 đến dưới 16 tuổi'], numerator: 3, denominator: 9000 });
    expect(m9.breakdown.combinations[1]).toMatchObject({ numerator: null, value: null });
    expect(m9.breakdown.unitsWithoutBreakdown).toEqual([]);
    expect((await cli(['merge', '--period', '4', '--db', db])).stdout).toContain('– Nam · Dưới 6 tuổi: 0,02');

    // The demo's sample catalogue, and the shipped sample file imported again as a catalogue of its own.
    const list = JSON.parse((await cli(['catalogue', 'list', '--json', '--db', db])).stdout);
    expect(list.map((c: { code: string; isSample: boolean }) => [c.code, c.isSample])).toEqual([['TT13-MAU', true]]);
    const sample = path.join(REPO_ROOT, 'resources/catalogues/tt13-2021-mau.xlsx');
    const imp = await cli(['catalogue', 'import', sample, '--code', 'TT13', '--sample', '--db', db]);
    expect(imp.stdout).toContain('Đã nhập bộ chỉ tiêu số 2 (TT13): 15 chỉ tiêu, đánh dấu là MẪU.');
    expect(imp.stderr).toContain('tt13-2021-mau.xlsx › Phụ lục IV: Phụ lục IV, dòng tiêu đề 6, các cột: A "Mã số", B "Nhóm", C "Tên chỉ tiêu"');
    const after = JSON.parse((await cli(['catalogue', 'list', '--json', '--db', db])).stdout);
    expect(after[1].indicators.find((i: { code: string }) => i.code === '0101')).toMatchObject({ annex: 'IV', name: 'Số trẻ em bị xâm hại' });
    expect((await cli(['catalogue', 'list', '--db', db])).stdout).toContain('PL IV  0101  Số trẻ em bị xâm hại');
    const none = await cli(['catalogue', 'export', '--period', '4', '--catalogue', '2', '--out', path.join(dir, 'tk.xlsx'), '--db', db]).catch((e: { code: number; stderr: string }) => e);
    expect((none as { stderr: string }).stderr).toContain('chưa có chỉ số nào gắn với bộ chỉ tiêu');
  }, 120_000);

  it('reads relative paths from where the user typed the command, makes a missing data folder, and checks the audit trail', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'con', 'chua', 'co', 'cli.sqlite');
    expect((await cli(['demo', '--db', db])).stdout).toBeTruthy();
    const period = JSON.parse((await cli(['status', '--json', '--db', db])).stdout).period;
    const out = path.join(dir, 'bieu-mau');
    await cli(['template', '--period', String(period.id), '--all', '--out', out, '--db', db]);
    const one = fs.readdirSync(out).find((n) => n.endsWith('.xlsx'))!;
    // As npm runs it: the process in the project folder, INIT_CWD where the user was.
    const relative = await run(TSX, [path.join(REPO_ROOT, 'electron/backend/cli.ts'), 'import', `./${one}`, '--json', '--db', db], { cwd: REPO_ROOT, env: { ...process.env, NODE_NO_WARNINGS: '1', INIT_CWD: out } }).catch((e: { stdout: string }) => e);
    expect(JSON.parse((relative as { stdout: string }).stdout)[0].fileName).toBe(one);
    const verdict = JSON.parse((await cli(['audit', 'verify', '--json', '--db', db])).stdout);
    expect(verdict).toMatchObject({ ok: true, broken: null });
  }, 120_000);
});

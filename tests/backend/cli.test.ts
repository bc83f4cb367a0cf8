import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appendixWorkbook } from '../helpers/appendix-workbook';
import { REPO_ROOT, tempDir } from '../helpers/backend';
import fs from 'node:fs';
import { fillTemplate } from '../helpers/fill-template';

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
    expect(list).toHaveLength(4);
    const plan2024 = list.find((p: { title: string }) => p.title.endsWith('tỉnh Kon Tum năm 2024'));
    const show = JSON.parse((await cli(['plan', 'show', String(plan2024.id), '--json', '--db', db])).stdout);
    expect(show.goals[0].indicators[0].measures[1].targets[1].text).toBe('58,82');
    const file = path.join(dir, 'Phụ lục 2026.xlsx');
    fs.writeFileSync(file, appendixWorkbook());
    const imported = await cli(['plan', 'import', file, '--number', '15/KH-UBND', '--db', db]);
    expect(imported.stdout).toContain('Đã nhập kế hoạch số 5: 2 mục tiêu, 6 chỉ tiêu, 8 chỉ số.');
    expect(imported.stderr).toContain('Phụ lục 2026.xlsx › Phụ lục › Dòng 16: không hiểu dòng này');
  }, 60_000);

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
    expect(status0.units).toHaveLength(24);
    const out = path.join(dir, 'bieu-mau');
    const t = await cli(['template', '--period', '2', '--all', '--out', out, '--db', db]);
    expect(t.stdout.trim().split('\n')).toHaveLength(24);
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
    expect(merged.completeness).toMatchObject({ expected: 24, reported: 1 });
    const wrong = await cli(['merge', '--period', '2', '--unit', 'KT.ST', '--db', db]).catch((e: { code: number; stderr: string }) => e);
    expect((wrong as { stderr: string }).stderr).toContain('do Tỉnh Kon Tum tổng hợp');
    const xlsx = path.join(dir, 'tong-hop.xlsx');
    await cli(['export', '--period', '2', '--unit', 'KT', '--format', 'xlsx', '--out', xlsx, '--db', db]);
    expect(fs.existsSync(xlsx)).toBe(true);
    const pdf = path.join(dir, 'bao-cao.pdf');
    await cli(['export', '--period', '2', '--format', 'pdf', '--out', pdf, '--number', '7', '--date', '05/12/2024', '--signer', 'Nguyễn Văn An', '--db', db]);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  }, 90_000);
});

/**
 * Tasks reported like indicators: a status from the plans' vocabulary, what was done, optional
 * figures; through the template (a bad status names its cell), typing, the merge (lead first,
 * counts by status), the saved report, the submission .xlsx and the PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend/index';
import type { PeriodDto, UnitDto } from '../../shared/api/types';
import { call, testBackend } from '../helpers/backend';
import { hasPoppler, mergePdfText } from '../helpers/merge-pdf';


describe('task progress compiled by task, with its lead agency', () => {
  let backend: Backend;
  let period: PeriodDto;
  let units: UnitDto[];
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2025-06-01T03:00:00Z') });
    const crc = (await call(backend, 'plan-list', {})).find((p) => p.title.includes('27/QĐ-TTg'))!;
    units = await call(backend, 'unit-list', {});
    period = await call(backend, 'period-create', {
      planId: crc.id, parentUnitId: units.find((u) => u.code === 'KT')!.id, kind: 'half_year', year: 2025, name: '6 tháng đầu năm 2025', dataFrom: '2024-12-15', dataTo: '2025-06-14',
      deadlines: [{ level: 'district', dueOn: '2025-06-05' }, { level: 'department', dueOn: '2025-06-10' }],
    });
  });
  afterAll(() => backend.close());

  it('gives a tasks-only plan templates with the status and figure columns, and reads them back', async () => {
    const t = await call(backend, 'template-build', { periodId: period.id, unitId: unitId('KT.ST') });
    const wb = XLSX.read(Buffer.from(t.dataBase64, 'base64'), { type: 'buffer' });
    const sheet = wb.Sheets['Nhiệm vụ']!;
    expect(['E5', 'F5', 'G5', 'H5', 'I5'].map((a) => sheet[a].v)).toEqual(['Kết quả thực hiện', 'Tình trạng', 'Số hoạt động', 'Số người tham gia', 'Kinh phí (triệu đồng)']);
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
    const at = rows.findIndex((r) => r[0] === 'I.2');
    expect(rows[at]![2]).toBe('Phối hợp');
    // Filled as a district would: words for the status, numbers the Vietnamese way.
    sheet[`E${at + 1}`] = { t: 's', v: 'Phối hợp tuyên truyền tại 5 xã.' };
    sheet[`F${at + 1}`] = { t: 's', v: 'đang thực hiện' };
    sheet[`G${at + 1}`] = { t: 's', v: '3' };
    sheet[`H${at + 1}`] = { t: 's', v: '1.200' };
    sheet[`I${at + 1}`] = { t: 's', v: '12,5' };
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const [r] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: bytes.toString('base64') }] });
    expect(r!.problems).toEqual([]);
    expect(r!.outcome).toBe('imported');
    const report = await call(backend, 'report-get', { id: r!.reportId! });
    expect(report.taskProgress).toEqual([expect.objectContaining({ status: 'in_progress', progress: 'Phối hợp tuyên truyền tại 5 xã.', events: 3, participants: 1200, funds: 12.5 })]);

    // A status the vocabulary does not have is refused with its cell, and nothing is written.
    sheet[`F${at + 1}`] = { t: 's', v: 'xong rồi' };
    const bad = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const [refused] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: bad.toString('base64') }], replace: true });
    expect(refused!.outcome).toBe('rejected');
    expect(refused!.problems.map((p) => p.message)).toEqual([
      `${t.fileName} › Nhiệm vụ › F${at + 1}: nhiệm vụ I.2: tình trạng "xong rồi" không hiểu được; hãy ghi một trong: Đã hoàn thành, Đang thực hiện, Chưa thực hiện, Không phát sinh`,
    ]);
  });

  it('compiles by task: the lead first with its status, then the cooperating units; counts by status; saves and prints it', async () => {
    const entry = await call(backend, 'report-entry-get', { periodId: period.id, unitId: unitId('KT.STP') });
    const task = entry.tasks.find((t) => t.key === 'I.2')!;
    expect(task.role).toBe('lead');
    await call(backend, 'report-entry-save', { periodId: period.id, unitId: unitId('KT.STP'), values: [], taskProgress: [{ taskId: task.id, status: 'done', progress: 'Đã góp ý dự thảo Bộ luật Hình sự.', events: 2 }] });
    const refused = await backend.dispatch('report-entry-save', { periodId: period.id, unitId: unitId('KT.STP'), values: [], taskProgress: [{ taskId: task.id, progress: '', events: -1 }] });
    expect(refused).toMatchObject({ ok: false, error: { message: 'Số hoạt động không được âm.' } });

    const view = await call(backend, 'merge-get', { periodId: period.id });
    const t = view.tasks.find((x) => x.key === 'I.2')!;
    expect(t.leadName).toBe('Sở Tư pháp');
    // The labour department ended on 01/03/2025: the unit that took child affairs leads its tasks, and says so.
    expect(view.tasks.find((x) => x.key === 'I.1')!.leadName).toBe('Sở Y tế (thay Sở Lao động - Thương binh và Xã hội)');
    expect(t.status).toBe('done');
    expect(t.parts.map((p) => [p.unitName, p.role, p.status])).toEqual([
      ['Sở Tư pháp', 'lead', 'done'],
      ['Huyện Sa Thầy', 'cooperating', 'in_progress'],
    ]);
    expect(t.draft).toBe('- Sở Tư pháp (chủ trì) [Đã hoàn thành]: Đã góp ý dự thảo Bộ luật Hình sự.\n- Huyện Sa Thầy [Đang thực hiện]: Phối hợp tuyên truyền tại 5 xã.');
    expect(view.taskCounts).toEqual({ done: 1, in_progress: 0, not_started: 0, not_applicable: 0, no_report: view.tasks.length - 1 });

    await call(backend, 'merge-save', { periodId: period.id, taskProgress: [{ taskId: task.id, progress: 'Sở Tư pháp đã góp ý; các huyện phối hợp tuyên truyền.' }] });
    const after = await call(backend, 'merge-get', { periodId: period.id });
    expect(after.tasks.find((x) => x.key === 'I.2')!.draft).toBe('Sở Tư pháp đã góp ý; các huyện phối hợp tuyên truyền.');
    expect(after.saved?.revision).toBe(1);
    const saved = await call(backend, 'report-get', { id: after.saved!.reportId });
    expect(saved.taskProgress.find((p) => p.taskId === task.id)).toMatchObject({ status: 'done', events: 5, participants: 1200, funds: 12.5 });

    const sub = await call(backend, 'merge-export', { periodId: period.id });
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(Buffer.from(sub.dataBase64, 'base64'), { type: 'buffer' }).Sheets['Nội dung']!, { header: 1, defval: '' });
    expect(rows.find((r) => String(r[0]).startsWith('I.2.'))![0]).toContain('(chủ trì: Sở Tư pháp) — Đã hoàn thành');
  });

  it.skipIf(!hasPoppler)('prints the tasks in the PDF with their status, and counts them in the summary', async () => {
    const { text } = await mergePdfText(backend, period.id, 'Nguyễn Văn A');
    expect(text).toContain('KẾT QUẢ THỰC HIỆN NHIỆM VỤ');
    expect(text).toContain('Sở Tư pháp đã góp ý; các huyện phối hợp tuyên truyền.');
    expect(text).toMatch(/thực hiện \d+ nhiệm vụ: 1 đã hoàn thành, 0 đang thực hiện, 0 chưa thực hiện, 0 không phát sinh, \d+ chưa có báo cáo của đơn vị chủ trì \(chi tiết tại Phụ lục kèm theo\)/);
    expect(text).not.toContain('KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU');
  });
});

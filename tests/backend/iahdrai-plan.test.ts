/**
 * The Ia H'Drai 2022 plan end to end: its text pasted into a sheet (ten numbered activities under
 * "II. NỘI DUNG HOẠT ĐỘNG", no lead column) is imported as a district plan; the district leads and
 * compiles, its communes report on every activity: templates → filled → import → merge → PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend/index';
import type { PlanImportPreview, UnitDto } from '../../shared/api/types';
import { call, testBackend } from '../helpers/backend';
import { hasPoppler, mergePdfText, noPoppler } from '../helpers/merge-pdf';
import { iaHDraiPlanRows, workbookOf } from '../helpers/task-workbook';

const COMMUNES = ['Xã Ia Dom', 'Xã Ia Đal', 'Xã Ia Tơi'];

describe("the Ia H'Drai 2022 plan, set up by importing its activities", () => {
  let backend: Backend;
  let district: UnitDto;
  let communes: UnitDto[];
  let preview: PlanImportPreview;
  const file = () => ({ fileName: 'KH cong tac tre em Ia HDrai 2022.xlsx', dataBase64: workbookOf(iaHDraiPlanRows(), 'Kế hoạch').toString('base64') });

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2022-11-20T03:00:00Z') });
    district = (await call(backend, 'unit-list', {})).find((u) => u.code === 'KT.IHD')!;
    // The demo's communes of Ia H'Drai (Ia Tơi is named in the plan; the other two are sample data).
    communes = (await call(backend, 'unit-list', {})).filter((u) => u.parentId === district.id);
    expect(communes.map((c) => c.name).sort()).toEqual([...COMMUNES].sort());
  });
  afterAll(() => backend.close());

  it('finds the ten activities, the district as issuer and its communes as reporters, and says why', async () => {
    preview = await call(backend, 'plan-import-preview', file());
    expect(preview.measureCount).toBe(0);
    expect(preview.tasks!.layout).toBe('activities');
    expect(preview.taskCount).toBe(10);
    const tasks = preview.tasks!.groups[0]!.tasks;
    expect(preview.tasks!.groups[0]).toMatchObject({ code: 'II', title: 'Nội dung hoạt động' });
    expect(tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(tasks[0]!.content).toMatch(/^Tổng kết, đánh giá 10 năm thực hiện Chỉ thị số 20-CT\/TW ngày 05\/12\/2012 .* thân thiện cho trẻ em\.$/);
    // The footnote under activity 8 is not part of it.
    expect(tasks[7]!.content).not.toContain('Dự kiến tổ chức Lễ phát động');
    expect(tasks[9]!.content).toMatch(/^Triển khai thu thập chỉ tiêu thống kê, báo cáo theo yêu cầu của Bộ Lao động - Thương binh và Xã hội/);
    expect(preview.guessedTitle).toBe('KẾ HOẠCH Triển khai công tác trẻ em trên địa bàn huyện Ia H’Drai năm 2022');
    expect(preview.guessedYears).toMatchObject({ from: 2022, to: 2022, sure: true });
    expect(preview.issuer).toEqual({ unitId: district.id, name: 'Huyện Ia H’Drai', why: 'tên kế hoạch có "Huyện Ia H’Drai"' });
    expect(preview.activityReporters).toEqual({ group: 'communes', why: 'các hoạt động không ghi cơ quan phối hợp: các xã của Huyện Ia H’Drai (3 đơn vị) báo cáo kết quả từng hoạt động, Huyện Ia H’Drai chủ trì và tổng hợp' });
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('runs end to end: templates for the communes only, filled, imported, merged by activity, printed', async () => {
    const plan = await call(backend, 'plan-import-commit', {
      ...file(),
      plan: { number: '', title: preview.guessedTitle, issuerName: 'Ủy ban nhân dân huyện Ia H’Drai', issuedOn: null, yearFrom: 2022, yearTo: 2022, parentPlanId: null, issuerUnitId: district.id },
    });
    expect(plan).toMatchObject({ taskCount: 10, measureCount: 0, issuerUnitId: district.id });
    const detail = await call(backend, 'plan-get', { id: plan.id });
    expect(detail.tasks.every((t) => t.leadUnitId === district.id && t.cooperatingUnitIds.length === 3)).toBe(true);

    const period = await call(backend, 'period-create', {
      planId: plan.id, parentUnitId: district.id, kind: 'annual', year: 2022, name: 'Năm 2022', dataFrom: '2021-12-15', dataTo: '2022-11-30',
      deadlines: [{ level: 'commune', dueOn: '2022-12-05' }],
    });
    const status = await call(backend, 'period-status', { id: period.id });
    expect(status!.units.map((u) => u.unitName).sort()).toEqual([...COMMUNES].sort());
    expect(status!.units.every((u) => u.owes.tasks.length === 10 && u.owes.measures.length === 0)).toBe(true);

    const said = [
      { status: 'Đã hoàn thành', text: 'Đã tổ chức Lễ phát động Tháng hành động vì trẻ em tại xã.', events: 1, people: '350' },
      { status: 'Đã hoàn thành', text: 'Đã phát động tại trường tiểu học.', events: 2, people: '1.200' },
      { status: 'Đang thực hiện', text: 'Đang chuẩn bị.', events: null, people: '' },
    ];
    for (const [i, commune] of communes.entries()) {
      const t = await call(backend, 'template-build', { periodId: period.id, unitId: commune.id });
      const wb = XLSX.read(Buffer.from(t.dataBase64, 'base64'), { type: 'buffer' });
      expect(wb.SheetNames).toContain('Nhiệm vụ');
      const sheet = wb.Sheets['Nhiệm vụ']!;
      const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
      const keys = rows.map((r) => String(r[0])).filter((k) => /^II\.\d+$/.test(k));
      expect(keys).toEqual(Array.from({ length: 10 }, (_, k) => `II.${k + 1}`));
      const at = rows.findIndex((r) => r[0] === 'II.8') + 1;
      const s = said[i % said.length]!;
      sheet[`E${at}`] = { t: 's', v: s.text };
      sheet[`F${at}`] = { t: 's', v: s.status };
      if (s.events !== null) sheet[`G${at}`] = { t: 'n', v: s.events };
      if (s.people) sheet[`H${at}`] = { t: 's', v: s.people };
      const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
      const [r] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: bytes.toString('base64') }] });
      expect(r!.problems).toEqual([]);
      expect(r!.outcome).toBe('imported');
    }

    const view = await call(backend, 'merge-get', { periodId: period.id });
    const t8 = view.tasks.find((t) => t.key === 'II.8')!;
    expect(t8.leadName).toBe('Huyện Ia H’Drai');
    expect(t8.parts.map((p) => [p.role, p.status]).sort()).toEqual([['cooperating', 'done'], ['cooperating', 'done'], ['cooperating', 'in_progress']]);
    // The district leads and compiles: where the activity stands comes from its communes.
    expect(t8).toMatchObject({ status: 'in_progress', statusFrom: 'units' });
    expect(view.taskCounts).toMatchObject({ in_progress: 1, no_report: 9 });
    await call(backend, 'merge-save', { periodId: period.id, taskProgress: [{ taskId: t8.taskId, progress: 'Các xã đã phát động Tháng hành động vì trẻ em; 1.550 người tham gia.' }] });
    const saved = await call(backend, 'report-get', { id: (await call(backend, 'merge-get', { periodId: period.id })).saved!.reportId });
    expect(saved.taskProgress.find((p) => p.taskId === t8.taskId)).toMatchObject({ status: 'in_progress', events: 3, participants: 1550 });

    if (!hasPoppler) return console.log(noPoppler);
    const { text } = await mergePdfText(backend, period.id, 'Nguyễn Tiến Dũng');
    expect(text).toContain('KẾT QUẢ THỰC HIỆN NHIỆM VỤ');
    expect(text).toContain('Các xã đã phát động Tháng hành động vì trẻ em; 1.550 người tham gia.');
    expect(text).toContain('Triển khai hoạt động hưởng ứng Tháng hành');
    // A district's report: issued by its office, sent to the province's department and the district.
    expect(text).toContain('UBND HUYỆN IA H’DRAI PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    expect(text).toContain('Nơi nhận: - Sở Lao động - Thương binh và Xã hội (b/c); - UBND Huyện Ia H’Drai (b/c);');
    expect(text).toContain('10 nhiệm vụ: 0 đã hoàn thành, 1 đang thực hiện, 0 chưa thực hiện, 0 không phát sinh, 9 chưa có báo cáo (chi tiết');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, testBackend } from '../helpers/backend';

describe('task progress compiled by task, with its lead agency', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2025-06-01T03:00:00Z') });
  });
  afterAll(() => backend.close());

  it('groups what each unit wrote under the task and saves the compiler text', async () => {
    const plans = await call(backend, 'plan-list', {});
    const crc = plans.find((p) => p.title.includes('27/QĐ-TTg'))!;
    const units = await call(backend, 'unit-list', {});
    const province = units.find((u) => u.code === 'KT')!;
    const period = await call(backend, 'period-create', {
      planId: crc.id, parentUnitId: province.id, kind: 'half_year', year: 2025, name: '6 tháng đầu năm 2025', dataFrom: '2024-12-15', dataTo: '2025-06-14',
      deadlines: [{ level: 'district', dueOn: '2025-06-05' }, { level: 'department', dueOn: '2025-06-10' }],
    });
    const unitId = (code: string) => units.find((u) => u.code === code)!.id;
    const entry = await call(backend, 'report-entry-get', { periodId: period.id, unitId: unitId('KT.STP') });
    const task = entry.tasks.find((t) => t.key === 'I.2')!;
    expect(task.role).toBe('lead');
    await call(backend, 'report-entry-save', { periodId: period.id, unitId: unitId('KT.STP'), values: [], taskProgress: [{ taskId: task.id, progress: 'Đã góp ý dự thảo Bộ luật Hình sự.' }] });
    const district = await call(backend, 'report-entry-get', { periodId: period.id, unitId: unitId('KT.ST') });
    expect(district.tasks.find((t) => t.key === 'I.2')!.role).toBe('cooperating');
    await call(backend, 'report-entry-save', { periodId: period.id, unitId: unitId('KT.ST'), values: [], taskProgress: [{ taskId: task.id, progress: 'Phối hợp tuyên truyền.' }] });

    const view = await call(backend, 'merge-get', { periodId: period.id });
    const t = view.tasks.find((x) => x.key === 'I.2')!;
    expect(t.leadName).toBe('Sở Tư pháp');
    expect(t.parts).toEqual([
      { unitName: 'Huyện Sa Thầy', text: 'Phối hợp tuyên truyền.' },
      { unitName: 'Sở Tư pháp', text: 'Đã góp ý dự thảo Bộ luật Hình sự.' },
    ]);
    expect(t.draft).toBe('- Huyện Sa Thầy: Phối hợp tuyên truyền.\n- Sở Tư pháp: Đã góp ý dự thảo Bộ luật Hình sự.');
    await call(backend, 'merge-save', { periodId: period.id, taskProgress: [{ taskId: task.id, progress: 'Sở Tư pháp đã góp ý; các huyện phối hợp tuyên truyền.' }] });
    const after = await call(backend, 'merge-get', { periodId: period.id });
    expect(after.tasks.find((x) => x.key === 'I.2')!.draft).toBe('Sở Tư pháp đã góp ý; các huyện phối hợp tuyên truyền.');
    expect(after.saved?.revision).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, callError, testBackend } from '../helpers/backend';

describe("editing a plan's tasks by hand", () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2025-06-01T03:00:00Z') });
  });
  afterAll(() => backend.close());

  it('adds a group and tasks with their lead and cooperating units, reorders and deletes them', async () => {
    const plan = await call(backend, 'plan-create', { number: '', title: 'Kế hoạch hoạt động hè 2025', issuerName: '', issuedOn: null, yearFrom: 2025, yearTo: 2025, parentPlanId: null });
    const units = await call(backend, 'unit-list', {});
    const unit = (code: string) => units.find((u) => u.code === code)!.id;
    let detail = await call(backend, 'task-group-save', { planId: plan.id, code: 'I', title: 'Hoạt động hè' });
    expect(detail.tasks).toEqual([]);
    expect(detail.taskGroups).toMatchObject([{ code: 'I', title: 'Hoạt động hè' }]);
    const groupId = detail.taskGroups[0]!.id;
    const base = { groupId, cooperatingText: '', timeframe: 'Tháng 6–8/2025', product: '' };
    await call(backend, 'task-save', { ...base, code: '1', content: 'Tổ chức trại hè', leadUnitId: unit('KT.TD'), cooperatingUnitIds: [unit('KT.ST'), unit('KT.DH')] });
    await call(backend, 'task-save', { ...base, code: '2', content: 'Phòng chống đuối nước', leadUnitId: unit('KT.SVHTTDL'), cooperatingUnitIds: [] });
    detail = await call(backend, 'task-save', { ...base, code: '3', content: 'Tuyên truyền an toàn giao thông', leadUnitId: unit('KT.CA'), cooperatingUnitIds: [unit('KT.CA')] });
    expect(detail.tasks.map((t) => [t.code, t.content, t.leadName])).toEqual([
      ['1', 'Tổ chức trại hè', 'Tỉnh đoàn'],
      ['2', 'Phòng chống đuối nước', 'Sở Văn hóa, Thể thao và Du lịch'],
      ['3', 'Tuyên truyền an toàn giao thông', 'Công an tỉnh'],
    ]);
    // The lead is not its own cooperating unit.
    expect(detail.tasks[2]!.cooperatingUnitIds).toEqual([]);
    expect(detail.tasks[0]!.cooperatingUnitIds.sort()).toEqual([unit('KT.ST'), unit('KT.DH')].sort());

    detail = await call(backend, 'task-move', { id: detail.tasks[2]!.id, direction: 'up' });
    // Numbered 1, 2, 3 and not reported yet: the numbers follow the order.
    expect(detail.tasks.map((t) => [t.code, t.content])).toEqual([['1', 'Tổ chức trại hè'], ['2', 'Tuyên truyền an toàn giao thông'], ['3', 'Phòng chống đuối nước']]);
    expect((await callError(backend, 'task-move', { id: detail.tasks[0]!.id, direction: 'up' })).message).toBe('Nhiệm vụ đã ở đầu nhóm.');

    const edited = await call(backend, 'task-save', { ...base, id: detail.tasks[1]!.id, code: '2', content: 'Tuyên truyền an toàn giao thông cho học sinh', leadUnitId: unit('KT.CA'), cooperatingUnitIds: [unit('KT.SGDDT')], product: 'Báo cáo' });
    expect(edited.tasks[1]).toMatchObject({ content: 'Tuyên truyền an toàn giao thông cho học sinh', product: 'Báo cáo', cooperatingUnitIds: [unit('KT.SGDDT')] });

    // A task a unit has reported on stays.
    const period = await call(backend, 'period-create', {
      planId: plan.id, parentUnitId: unit('KT'), kind: 'half_year', year: 2025, name: '6 tháng đầu năm 2025', dataFrom: '2024-12-15', dataTo: '2025-06-14',
      deadlines: [{ level: 'department', dueOn: '2025-06-10' }, { level: 'district', dueOn: '2025-06-10' }],
    });
    await call(backend, 'report-entry-save', { periodId: period.id, unitId: unit('KT.TD'), values: [], taskProgress: [{ taskId: edited.tasks[0]!.id, status: 'done', progress: 'Đã tổ chức 2 trại hè.' }] });
    expect((await callError(backend, 'task-delete', { id: edited.tasks[0]!.id })).message).toBe('Đã có 1 báo cáo nói về nhiệm vụ I.1; không thể xóa.');
    expect((await callError(backend, 'task-group-delete', { id: groupId })).message).toBe('Đã có 1 báo cáo nói về các nhiệm vụ của nhóm I; không thể xóa.');
    const after = await call(backend, 'task-delete', { id: edited.tasks[2]!.id });
    expect(after.tasks.map((t) => t.code)).toEqual(['1', '2']);
    // Reported tasks keep their numbers when moved.
    const moved = await call(backend, 'task-move', { id: after.tasks[1]!.id, direction: 'up' });
    expect(moved.tasks.map((t) => [t.code, t.leadName])).toEqual([['2', 'Công an tỉnh'], ['1', 'Tỉnh đoàn']]);
  });
});

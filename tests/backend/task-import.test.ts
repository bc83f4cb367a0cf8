import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { KONTUM_2025_TASK_GROUPS } from '../../electron/backend/demo/kontum-2025-tasks';
import { call, callError, testBackend } from '../helpers/backend';
import { resaveWithCalc, withoutOffice } from '../helpers/libreoffice';
import { crcTaskRows, workbookOf } from '../helpers/task-workbook';

const upload = (bytes: Buffer, fileName = 'Phu luc nhiem vu 2025.xlsx') => ({ fileName, dataBase64: bytes.toString('base64') });
const planFields = { number: '', title: 'Kế hoạch thực hiện khuyến nghị năm 2025', issuerName: 'UBND tỉnh Kon Tum', issuedOn: null, yearFrom: 2025, yearTo: 2025, parentPlanId: null };
const taskCount = KONTUM_2025_TASK_GROUPS.reduce((n, g) => n + g.tasks.length, 0);
// A task of an agency no unit is named after, and a task split over two rows.
const EXTRA = [
  [2, 'Vận động phụ nữ tham gia phòng, chống bạo lực gia đình đối với trẻ em.', 'Hội Liên hiệp Phụ nữ tỉnh', 'Trạm Y tế; Công an tỉnh', 'Năm 2025', 'Báo cáo kết quả'],
  [null, 'Tổ chức tọa đàm ở các xã biên giới.', null, null, null, null],
];

describe('importing a task table', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await testBackend({ demo: true });
  });
  afterAll(() => backend.close());

  it('finds the header, the groups and the tasks, and matches agencies by name, short name and abbreviation', async () => {
    const p = await call(backend, 'plan-import-preview', upload(workbookOf(crcTaskRows(EXTRA))));
    expect(p.measureCount).toBe(0);
    expect(p.tasks).toMatchObject({ sheetName: 'Phụ lục', layout: 'table', headerRow: 4 });
    expect(p.tasks!.columns.map((c) => `${c.field}:${c.column}`)).toEqual(['code:A', 'content:B', 'lead:C', 'cooperating:D', 'timeframe:E', 'product:F']);
    expect(p.taskCount).toBe(taskCount + 1);
    expect(p.tasks!.groups.map((g) => [g.code, g.tasks.length])).toEqual(KONTUM_2025_TASK_GROUPS.map((g) => [g.code, g.tasks.length + (g.code === 'VII' ? 1 : 0)]));
    const added = p.tasks!.groups.at(-1)!.tasks.at(-1)!;
    expect(added).toMatchObject({ row: 38, code: '2', leadText: 'Hội Liên hiệp Phụ nữ tỉnh', timeframe: 'Năm 2025', product: 'Báo cáo kết quả' });
    expect(added.content).toBe('Vận động phụ nữ tham gia phòng, chống bạo lực gia đình đối với trẻ em.\nTổ chức tọa đàm ở các xã biên giới.');
    expect(p.problems.map((x) => x.message)).toContain('Dòng 39: không có số thứ tự riêng; đã ghép vào nhiệm vụ ở dòng 38.');
    const agency = (text: string) => p.agencies.find((a) => a.text === text)!;
    // On the plan's first day (01/01/2025) the department still existed (it joins Sở Nội vụ on 01/03/2025 in the demo).
    expect(agency('Sở LĐTBXH').match).toMatchObject({ kind: 'unit', name: 'Sở Lao động - Thương binh và Xã hội', why: '"Sở LĐTBXH" là viết tắt của Sở Lao động - Thương binh và Xã hội', sure: true });
    expect(agency('Bộ CHQS tỉnh').match).toMatchObject({ kind: 'unit', name: 'Bộ Chỉ huy Quân sự tỉnh', why: '"Bộ CHQS tỉnh" là viết tắt của Bộ Chỉ huy Quân sự tỉnh' });
    expect(agency('UBND các huyện, thành phố')).toMatchObject({ match: { kind: 'group', group: 'districts' }, roles: ['cooperating'], unitCount: 10 });
    expect(agency('Hội Liên hiệp Phụ nữ tỉnh')).toMatchObject({ rows: [38], roles: ['lead'], match: { kind: 'none' } });
    expect(agency('Trạm Y tế').match.kind).toBe('none');
    expect(p.problems.find((x) => x.message.startsWith('2 cơ quan không khớp'))!.message).toBe(
      '2 cơ quan không khớp đơn vị nào: "Hội Liên hiệp Phụ nữ tỉnh" (dòng 38); "Trạm Y tế" (dòng 38). Hãy chọn đơn vị, tạo đơn vị mới hoặc chỉ giữ tên.',
    );
    expect(p.guessedYears).toMatchObject({ from: 2025, to: 2025, why: 'tên kế hoạch ghi "NĂM 2025"' });
    // The same table for a 2026 plan: the labour department has ended; its name stands for the unit doing its work.
    const later = await call(backend, 'plan-import-preview', { ...upload(workbookOf(crcTaskRows(EXTRA))), yearFrom: 2026 });
    expect(later.agencies.find((a) => a.text === 'Sở LĐTBXH')!.match).toMatchObject({
      kind: 'unit',
      name: 'Sở Y tế',
      why: '"Sở LĐTBXH" là viết tắt của Sở Lao động - Thương binh và Xã hội, nay là Sở Y tế (từ 01/03/2025)',
    });
  });

  it('never drops an unmatched agency: the commit asks for a decision, then creates or keeps it, in one transaction', async () => {
    const before = (await call(backend, 'plan-list', {})).length;
    const file = upload(workbookOf(crcTaskRows(EXTRA)));
    const refused = await callError(backend, 'plan-import-commit', { ...file, plan: planFields });
    expect(refused.message).toBe('Chưa chọn đơn vị cho 2 cơ quan: "Hội Liên hiệp Phụ nữ tỉnh" (dòng 38); "Trạm Y tế" (dòng 38). Hãy chọn một đơn vị có sẵn, tạo đơn vị mới hoặc chọn "Chỉ giữ tên".');
    expect((await call(backend, 'plan-list', {})).length).toBe(before);

    const province = (await call(backend, 'unit-list', {})).find((u) => u.kind === 'province' && u.parentId === null)!;
    const summary = await call(backend, 'plan-import-commit', {
      ...file,
      plan: planFields,
      agencies: [
        { text: 'Hội Liên hiệp Phụ nữ tỉnh', unitId: null, create: { name: 'Hội Liên hiệp Phụ nữ tỉnh', kind: 'agency', parentId: province.id } },
        { text: 'Trạm Y tế', unitId: null },
      ],
    });
    expect(summary).toMatchObject({ taskCount: taskCount + 1, measureCount: 0 });
    const plan = await call(backend, 'plan-get', { id: summary.id });
    const units = await call(backend, 'unit-list', {});
    const hoi = units.find((u) => u.name === 'Hội Liên hiệp Phụ nữ tỉnh')!;
    const last = plan.tasks.at(-1)!;
    expect(last).toMatchObject({ leadUnitId: hoi.id, leadName: 'Hội Liên hiệp Phụ nữ tỉnh', cooperatingText: 'Trạm Y tế; Công an tỉnh', product: 'Báo cáo kết quả' });
    // "Trạm Y tế" is kept in the text; Công an tỉnh cooperates.
    expect(last.cooperatingUnitIds).toEqual([units.find((u) => u.name === 'Công an tỉnh')!.id]);
    const first = plan.tasks[0]!;
    expect(first.leadName).toBe('Sở Lao động - Thương binh và Xã hội');
    // "UBND các huyện, thành phố": the ten districts of 2025 cooperate (they are gone by today, in the two-tier tree).
    const districts2025 = (await call(backend, 'unit-list', { asOf: '2025-01-01' })).filter((u) => u.kind === 'district');
    expect(districts2025).toHaveLength(10);
    expect([...first.cooperatingUnitIds].sort()).toEqual(districts2025.map((d) => d.id).sort());
  });

  it.skipIf(withoutOffice)('reads the same table saved by LibreOffice as .xls', async () => {
    const xls = resaveWithCalc(workbookOf(crcTaskRows(EXTRA)), 'xls');
    const p = await call(backend, 'plan-import-preview', upload(xls, 'Phu luc nhiem vu.xls'));
    expect(p.taskCount).toBe(taskCount + 1);
    expect(p.tasks!.groups[0]!.tasks[0]!.content).toBe(KONTUM_2025_TASK_GROUPS[0]!.tasks[0]!.content);
    expect(p.agencies.map((a) => a.text)).toEqual(expect.arrayContaining(['Sở LĐTBXH', 'Bộ CHQS tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh', 'Trạm Y tế']));
    expect(p.agencies.find((a) => a.text === 'Trạm Y tế')!.match.kind).toBe('none');
  }, 120_000);
});

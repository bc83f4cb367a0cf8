/**
 * Breakdowns typed in and defined by the user: parts typed derive the total, a mismatch is
 * refused, history per combination; categories with codes, order, renames with a date, retired
 * options, and the limits that keep old reports readable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, callError, testBackend } from '../helpers/backend';
import { AGES, SEXES, breakdownProvince } from '../helpers/breakdown-province';

describe('breakdowns typed in and defined by the user', () => {
  let backend: Backend;
  let env: Awaited<ReturnType<typeof breakdownProvince>>;
  const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
  const comboOf = (key: string) => env.abused.breakdown!.combos.find((c) => c.key === key)!.id;

  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    env = await breakdownProvince(backend, 3);
  });
  afterAll(() => backend.close());

  it('derives the total of typed parts, keeps each part, and refuses parts that disagree with a typed total', async () => {
    const unitId = env.districts[0]!.id;
    const periodId = env.period.id;
    await call(backend, 'report-entry-save', {
      periodId, unitId,
      values: [
        { ...empty, measureId: env.abused.id, optionComboId: comboOf('NAM/U6'), value: 2 },
        { ...empty, measureId: env.abused.id, optionComboId: comboOf('NU/U16'), value: 3, note: 'một vụ ở trường' },
      ],
    });
    let entry = await call(backend, 'report-entry-get', { periodId, unitId });
    expect(entry.measures.find((m) => m.id === env.abused.id)!.breakdown!.combos.map((c) => c.label)).toEqual(SEXES.flatMap((s) => AGES.map((a) => `${s.name} · ${a.name}`)));
    const total = () => entry.values.find((v) => v.measureId === env.abused.id && v.optionComboId === undefined);
    expect(total()).toMatchObject({ value: 5 });
    expect(entry.values.find((v) => v.optionComboId === comboOf('NU/U16'))).toMatchObject({ value: 3, note: 'một vụ ở trường' });

    // A part changed later: the total follows; the part not sent stays.
    await call(backend, 'report-entry-save', { periodId, unitId, values: [{ ...empty, measureId: env.abused.id, optionComboId: comboOf('NAM/U6'), value: 4 }] });
    entry = await call(backend, 'report-entry-get', { periodId, unitId });
    expect(total()).toMatchObject({ value: 7 });

    const refused = await callError(backend, 'report-entry-save', { periodId, unitId, values: [{ ...empty, measureId: env.abused.id, value: 9 }] });
    expect(refused.message).toBe('Chỉ tiêu 9 (Số trẻ em bị xâm hại): dòng Tổng số ghi 9 nhưng các nhóm phân tổ cộng lại là 7. Hãy sửa cho khớp, hoặc để trống dòng Tổng số để TongHop tự tính.');
    const wrongCombo = await callError(backend, 'report-entry-save', { periodId, unitId, values: [{ ...empty, measureId: env.plain.id, optionComboId: comboOf('NAM/U6'), value: 1 }] });
    expect(wrongCombo.message).toMatch(/^Chỉ tiêu 9.2 không có nhóm phân tổ số \d+\.$/);

    // History per combination: the part's own changes, not the total's.
    const history = await call(backend, 'value-history', { periodId, unitId, measureId: env.abused.id, optionComboId: comboOf('NAM/U6') });
    expect(history.map((h) => [h.kind, h.value])).toEqual([['typed', 2], ['typed', 4]]);
    const totalHistory = await call(backend, 'value-history', { periodId, unitId, measureId: env.abused.id });
    expect(totalHistory.map((h) => h.value)).toEqual([5, 7]);
  });

  it('lets the user define categories: codes, order, a rename from a date, a retired option; a used option is not deleted', async () => {
    const abuse = await call(backend, 'category-save', {
      code: 'MOI-TRUONG', name: 'Môi trường xâm hại', note: 'Theo Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV, 0101',
      options: [{ code: 'GD', name: 'Gia đình' }, { code: 'TH', name: 'Trường học' }, { code: 'XH', name: 'Ngoài xã hội' }],
    });
    expect(abuse.options.map((o) => o.code)).toEqual(['GD', 'TH', 'XH']);
    const bad = await callError(backend, 'category-save', { code: 'X', name: 'Trùng', note: '', options: [{ code: 'A', name: 'Một' }, { code: 'a', name: 'Hai' }] });
    expect(bad.message).toBe('Mã "a" bị dùng cho hai giá trị của nhóm "Trùng"; mỗi giá trị cần một mã riêng.');
    const badCode = await callError(backend, 'category-save', { code: 'X', name: 'Mã sai', note: '', options: [{ code: 'Nữ', name: 'Nữ' }] });
    expect(badCode.message).toContain('Mã giá trị chỉ gồm chữ không dấu, số, _ và -');

    // Adding an option makes the new combinations of every breakdown using the category.
    const age = (await call(backend, 'category-list', {})).find((c) => c.code === 'NHOM-TUOI')!;
    await call(backend, 'category-save', { id: age.id, code: age.code, name: age.name, note: age.note, options: [...age.options.map((o) => ({ id: o.id, code: o.code, name: o.name })), { code: 'U18', name: 'Từ 16 đến dưới 18 tuổi' }] });
    let plan = await call(backend, 'plan-get', { id: env.plan.id });
    let measure = plan.goals[0]!.indicators[0]!.measures[0]!;
    expect(measure.breakdown!.combos).toHaveLength(8);
    expect(measure.breakdown!.combos.map((c) => c.key)).toContain('NU/U18');

    // A rename from 01/07/2026: the period before keeps the old name.
    const list = (await call(backend, 'category-list', {})).find((c) => c.id === age.id)!;
    await call(backend, 'category-save', {
      id: age.id, code: age.code, name: age.name, note: age.note, effectiveOn: '2026-07-01',
      options: list.options.map((o) => ({ id: o.id, code: o.code, name: o.code === 'U6' ? 'Từ 0 đến dưới 6 tuổi' : o.name })),
    });
    const renamed = (await call(backend, 'category-list', {})).find((c) => c.id === age.id)!.options.find((o) => o.code === 'U6')!;
    expect(renamed).toMatchObject({ name: 'Từ 0 đến dưới 6 tuổi', formerNames: [{ name: 'Dưới 6 tuổi', until: '2026-07-01' }], used: true });
    const entry = await call(backend, 'report-entry-get', { periodId: env.period.id, unitId: env.districts[0]!.id });
    expect(entry.measures.find((m) => m.id === env.abused.id)!.breakdown!.combos[0]!.label).toBe('Nam · Dưới 6 tuổi');
    plan = await call(backend, 'plan-get', { id: env.plan.id });
    expect(plan.goals[0]!.indicators[0]!.measures[0]!.breakdown!.combos[0]!.label).toBe('Nam · Từ 0 đến dưới 6 tuổi');

    // A used option cannot be deleted; retired, it leaves new forms but old values stay.
    const withoutU6 = list.options.filter((o) => o.code !== 'U6').map((o) => ({ id: o.id, code: o.code, name: o.name }));
    const refused = await callError(backend, 'category-save', { id: age.id, code: age.code, name: age.name, note: age.note, options: withoutU6 });
    expect(refused.message).toMatch(/^Giá trị "Từ 0 đến dưới 6 tuổi" của nhóm "Nhóm tuổi" đã có \d+ số liệu báo cáo nên không xóa được; hãy đánh dấu "Ngừng dùng"/);
    await call(backend, 'category-save', { id: age.id, code: age.code, name: age.name, note: age.note, options: list.options.map((o) => ({ id: o.id, code: o.code, name: o.code === 'U6' ? 'Từ 0 đến dưới 6 tuổi' : o.name, retired: o.code === 'U6' })) });
    plan = await call(backend, 'plan-get', { id: env.plan.id });
    measure = plan.goals[0]!.indicators[0]!.measures[0]!;
    expect(measure.breakdown!.combos.map((c) => c.key)).not.toContain('NAM/U6');
    const t = await call(backend, 'template-build', { periodId: env.period.id, unitId: env.districts[1]!.id });
    expect(Buffer.from(t.dataBase64, 'base64').length).toBeGreaterThan(0);
  });

  it('keeps breakdowns to counts and rates, and does not change the breakdown of a measure with part values', async () => {
    const sex = (await call(backend, 'category-list', {})).find((c) => c.code === 'GIOI-TINH')!;
    const base = { indicatorId: env.abused.indicatorId, code: '', leadUnitId: null, cooperatingUnitIds: [], direction: 'none' as const, rollup: 'none' as const, targets: [] };
    const text = await callError(backend, 'measure-save', { ...base, name: 'Ghi chú', unitLabel: '-', valueKind: 'text', rateFactor: null, categoryIds: [sex.id] });
    expect(text.message).toBe('Chỉ số dạng chữ hoặc Có/Không không phân tổ được; chỉ số lượng và tỷ lệ có phân tổ.');
    const m = env.abused;
    const change = await callError(backend, 'measure-save', {
      id: m.id, indicatorId: m.indicatorId, code: m.code, name: m.name, unitLabel: m.unitLabel, valueKind: m.valueKind, rateFactor: m.rateFactor,
      direction: m.direction, rollup: m.rollup, leadUnitId: null, cooperatingUnitIds: [], targets: [], categoryIds: [sex.id],
    });
    expect(change.message).toMatch(/^Chỉ số 9 đã có \d+ số liệu phân tổ theo "Giới tính × Nhóm tuổi"; không đổi phân tổ được/);
    const inUse = await callError(backend, 'category-delete', { id: sex.id });
    expect(inUse.message).toBe('Nhóm "Giới tính" đang dùng để phân tổ 2 chỉ số; hãy bỏ phân tổ ở các chỉ số đó trước.');
  });
});

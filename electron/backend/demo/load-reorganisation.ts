/**
 * The demo's 2025 history, applied through the same reorganisation code a compiler uses, and a
 * 2026 6-month period of the merged province in the two-tier tree.
 */
import { periodDefaults, periodName } from '../../../shared/domain/periods';
import type { ReorgStep } from '../../../shared/domain/reorganisation';
import type { Db } from '../db/connection';
import { nowIso, type BackendContext } from '../context';
import { getPlan } from '../services/plans';
import { insertGoals, insertPlanRow } from '../services/plan-writer';
import { writePeriod } from '../services/periods';
import { listUnits, reorganiseIn, standInOn } from '../services/units';
import { CHILD_AFFAIRS_TRANSFER, QUANG_NGAI, TWO_TIER } from './kontum-2025-reorganisation';
import { KONTUM_DISTRICTS, KONTUM_PROVINCE } from './kontum-units';

export async function loadReorganisation(trx: Db, ctx: BackendContext, unitIds: Map<string, number>): Promise<void> {
  const id = (code: string) => {
    const found = unitIds.get(code);
    if (found === undefined) throw new Error(`demo unit ${code} missing`);
    return found;
  };
  const t = CHILD_AFFAIRS_TRANSFER;
  await reorganiseIn(trx, ctx, {
    effectiveOn: t.effectiveOn,
    title: t.title,
    note: t.note,
    steps: [
      ...t.transfers.map((x): ReorgStep => ({ op: 'transfer', duty: 'child_affairs', fromId: id(x.from), toId: id(x.to) })),
      ...t.merges.map((x): ReorgStep => ({ op: 'merge', sourceIds: [id(x.from)], into: { unitId: id(x.into) } })),
    ],
  });

  const two = TWO_TIER;
  const province = id(KONTUM_PROVINCE.code);
  await reorganiseIn(trx, ctx, {
    effectiveOn: two.effectiveOn,
    title: two.title,
    note: two.note,
    steps: [
      ...KONTUM_DISTRICTS.map((d): ReorgStep => ({ op: 'dissolve', unitId: id(d.code), childrenTo: province })),
      ...two.communeMerges.map((m): ReorgStep => ({ op: 'merge', sourceIds: m.sources.map(id), into: { unit: { name: m.name, kind: 'commune', parentId: province } } })),
      ...two.renames.map((r): ReorgStep => ({ op: 'rename', unitId: id(r.code), name: r.name })),
      { op: 'merge', sourceIds: [province], into: { unitId: id(two.provinceMerge.into) } },
    ],
  });
  // The communes made by the sample mergers are sample data too.
  const created = await trx.selectFrom('org_unit').select('id').where('kind', '=', 'commune').where('created_on', '=', two.effectiveOn).execute();
  if (created.length) await trx.updateTable('org_unit').set({ is_sample: 1 }).where('id', 'in', created.map((c) => c.id)).execute();
}

/**
 * A sample plan of the merged province for `year`: the 2024 plan's measures, with the 2025
 * phase-end targets carried as that year's targets, led by the units that lead them then (a lead
 * that ended passes to the unit doing its work). One measure (`sample.measureCode`) may be broken
 * down there, as a sample: the real 2024 plan stays as published.
 */
export async function loadSamplePlan(trx: Db, ctx: BackendContext, plan2024Id: number, year: number, sample: { measureCode: string; breakdownId: number } | null): Promise<number> {
  const d = periodDefaults('annual', year);
  const units = await listUnits(trx, d.dataTo, true);
  const province = units.find((u) => u.code === QUANG_NGAI.code)!;
  const current = (unitId: number | null) => (unitId === null ? null : (standInOn(units, unitId, d.dataTo)?.id ?? null));
  const communes = units.filter((u) => u.kind === 'commune' && u.parentId === province.id && !u.dissolvedOn).map((u) => u.id);
  const source = await getPlan(trx, plan2024Id);
  const planId = await insertPlanRow(trx, nowIso(ctx), {
    number: '',
    title: `Kế hoạch thực hiện Chương trình hành động quốc gia vì trẻ em trên địa bàn tỉnh Quảng Ngãi năm ${year} (Dữ liệu mẫu)`,
    issuerName: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
    issuedOn: null,
    yearFrom: year,
    yearTo: year,
    parentPlanId: source.parentPlanId,
    issuerUnitId: province.id,
  });
  await trx.updateTable('plan').set({ is_sample: 1 }).where('id', '=', planId).execute();
  await insertGoals(
    trx,
    planId,
    source.goals.map((g) => ({
      code: g.code,
      title: g.title,
      indicators: g.indicators.map((i) => ({
        code: i.code,
        title: i.title,
        measures: i.measures.map((m) => ({
          name: m.name,
          unitLabel: m.unitLabel,
          valueKind: m.valueKind,
          rateFactor: m.rateFactor,
          direction: m.direction,
          rollup: m.rollup,
          leadUnitId: current(m.leadUnitId),
          cooperatingUnitIds: communes,
          ...(sample && m.code === sample.measureCode ? { categoryComboId: sample.breakdownId } : {}),
          targets: m.targets.filter((t) => t.isPhaseEnd).map((t) => ({ ...t, year, isPhaseEnd: false })),
        })),
      })),
    })),
  );
  return planId;
}

/** The 2026 sample plan and its 6-month and annual periods: communes and departments report to the province. */
export async function loadTwoTierPeriod(trx: Db, ctx: BackendContext, plan2024Id: number, sample: { measureCode: string; breakdownId: number }): Promise<number> {
  const year = 2026;
  const planId = await loadSamplePlan(trx, ctx, plan2024Id, year, sample);
  const province = (await listUnits(trx, `${year}-01-01`)).find((u) => u.code === QUANG_NGAI.code)!;
  for (const kind of ['half_year', 'annual'] as const) {
    const k = periodDefaults(kind, year);
    await writePeriod(trx, {
      planId,
      parentUnitId: province.id,
      kind,
      year,
      name: periodName(kind, year),
      dataFrom: k.dataFrom,
      dataTo: k.dataTo,
      deadlines: (['commune', 'department'] as const).map((level) => ({ level, dueOn: k.deadlines[level] })),
    });
  }
  return planId;
}

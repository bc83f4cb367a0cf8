/**
 * Loads the demo: the real Kon Tum plans (2024 indicator table, 2025 task table, their parent
 * plan) and units, in one transaction. Loading twice changes nothing.
 */
import { parseTarget, unitLabelForFactor, type RateFactor } from '../../../shared/domain/measure';
import type { TargetDto } from '../../../shared/api/types';
import type { Db } from '../db/connection';
import { nowIso, type BackendContext } from '../context';
import { audit } from '../services/audit';
import { ensureBreakdown } from '../services/breakdowns';
import { insertGoals, insertPlanRow, insertTaskGroups } from '../services/plan-writer';
import { DEMO_HISTORY_START, KONTUM_DISTRICTS, KONTUM_PROVINCE, KONTUM_UNITS } from './kontum-units';
import { periodDefaults, periodName } from '../../../shared/domain/periods';
import { writePeriod } from '../services/periods';
import { KONTUM_2024_GOALS, KONTUM_2024_PLAN, KONTUM_PARENT_PLAN } from './kontum-2024-plan';
import { KONTUM_2025_CRC_PLAN, KONTUM_2025_TASK_GROUPS } from './kontum-2025-tasks';
import { loadReorganisation, loadSamplePlan, loadTwoTierPeriod } from './load-reorganisation';
import { listUnits } from '../services/units';
import { addIndicator, writeCatalogue } from '../services/catalogues';
import { TT13_SAMPLE, TT13_SAMPLE_INDICATORS } from './tt13-sample-catalogue';
import { CHILD_AFFAIRS_2024, DEMO_COMMUNES, MINISTRIES, QUANG_NGAI, REAL_COMMUNES } from './kontum-2025-reorganisation';

const DEMO_SETTING = 'demoPlanId';

export async function demoPlanId(db: Db): Promise<number | null> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', DEMO_SETTING).executeTakeFirst();
  if (!row) return null;
  const plan = await db.selectFrom('plan').select('id').where('id', '=', Number(row.value)).executeTakeFirst();
  return plan?.id ?? null;
}

function demoTarget(text: string, year: number, isPhaseEnd: boolean): TargetDto {
  const parsed = parseTarget(text);
  if (!parsed.ok) throw new Error(`demo target "${text}": ${parsed.error}`);
  return { year, isPhaseEnd, ...parsed.target, text };
}

function factorOf(unit: string): RateFactor | null {
  return unit === '%' ? 100 : unit === '‰' ? 1000 : unit === '/100.000' ? 100000 : null;
}

export async function loadDemo(db: Db, ctx: BackendContext): Promise<{ planId: number; created: boolean }> {
  const existing = await demoPlanId(db);
  if (existing !== null) return { planId: existing, created: false };
  // Breakdowns (phân tổ) the ministry's indicator set names for "Số trẻ em bị xâm hại": Giới tính and
  // Nhóm tuổi. The sources confirm the names, not the age bands, so the bands are sample data.
  const sexByAge = await ensureBreakdown(db, [
    { code: 'GIOI-TINH', name: 'Giới tính', options: [{ code: 'NAM', name: 'Nam' }, { code: 'NU', name: 'Nữ' }] },
    {
      code: 'NHOM-TUOI',
      name: 'Nhóm tuổi',
      isSample: true,
      options: [
        { code: 'DUOI-6', name: 'Dưới 6 tuổi' },
        { code: '6-11', name: 'Từ 6 đến dưới 11 tuổi' },
        { code: '11-16', name: 'Từ 11 đến dưới 16 tuổi' },
      ],
    },
  ]);
  const now = nowIso(ctx);
  const planId = await db.transaction().execute(async (trx) => {
    const unitIds = new Map<string, number>();
    for (const row of await trx.selectFrom('org_unit').select(['id', 'code']).execute()) unitIds.set(row.code, row.id);
    for (const u of [...KONTUM_UNITS, ...MINISTRIES, QUANG_NGAI, ...DEMO_COMMUNES]) {
      if (unitIds.has(u.code)) continue;
      const isSample = u.kind === 'commune' && !REAL_COMMUNES.has(u.name) ? 1 : 0;
      const { id } = await trx
        .insertInto('org_unit')
        .values({ code: u.code, kind: u.kind, created_on: DEMO_HISTORY_START, dissolved_on: null, successor_id: null, is_sample: isSample })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds.set(u.code, id);
      const { id: eventId } = await trx
        .insertInto('org_event')
        .values({ kind: 'create', effective_on: DEMO_HISTORY_START, note: 'Dữ liệu ban đầu', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('org_event_unit').values({ event_id: eventId, unit_id: id, role: 'subject' }).execute();
      await trx
        .insertInto('org_unit_version')
        .values({ unit_id: id, name: u.name, short_name: null, parent_id: u.parent ? unitIds.get(u.parent)! : null, valid_from: DEMO_HISTORY_START, valid_to: null, event_id: eventId })
        .execute();
    }

    for (const code of CHILD_AFFAIRS_2024) {
      await trx.insertInto('unit_duty').values({ unit_id: unitIds.get(code)!, duty: 'child_affairs', valid_from: DEMO_HISTORY_START, valid_to: null, change_id: null }).execute();
    }

    const parentId = await insertPlanRow(trx, now, { ...KONTUM_PARENT_PLAN, parentPlanId: null });
    const planId = await insertPlanRow(trx, now, { ...KONTUM_2024_PLAN, parentPlanId: parentId });
    const districtIds = KONTUM_DISTRICTS.map((d) => unitIds.get(d.code)!);
    await insertGoals(
      trx,
      planId,
      KONTUM_2024_GOALS.map((goal) => ({
        code: goal.code,
        title: goal.title,
        indicators: goal.indicators.map((ind) => ({
          code: ind.code,
          title: ind.title,
          measures: ind.measures.map((m) => {
            const factor = factorOf(m.unit);
            return {
              name: m.name,
              unitLabel: factor ? unitLabelForFactor(factor) : m.unit,
              valueKind: factor ? ('rate' as const) : ('count' as const),
              rateFactor: factor,
              direction: m.direction,
              rollup: m.rollup,
              leadUnitId: unitIds.get(ind.lead)!,
              cooperatingUnitIds: districtIds,
              targets: [
                demoTarget(m.targets[0], KONTUM_2024_PLAN.phaseEndYear, true),
                demoTarget(m.targets[1], KONTUM_2024_PLAN.yearFrom, false),
              ],
            };
          }),
        })),
      })),
    );

    // The 2024 plan's reporting: 6-month and annual reports, and the one-off report it asked for by 15/10/2024.
    const provinceId = unitIds.get(KONTUM_PROVINCE.code)!;
    for (const kind of ['half_year', 'annual'] as const) {
      const d = periodDefaults(kind, 2024);
      await writePeriod(trx, {
        planId,
        parentUnitId: provinceId,
        kind,
        year: 2024,
        name: periodName(kind, 2024),
        dataFrom: d.dataFrom,
        dataTo: d.dataTo,
        deadlines: (['district', 'department'] as const).map((level) => ({ level, dueOn: d.deadlines[level] })),
      });
    }
    await writePeriod(trx, {
      planId,
      parentUnitId: provinceId,
      kind: 'ad_hoc',
      year: 2024,
      name: 'Báo cáo kết quả thực hiện Kế hoạch năm 2024 (trước 15/10/2024)',
      dataFrom: '2023-12-15',
      dataTo: '2024-09-30',
      deadlines: [
        { level: 'district', dueOn: '2024-10-15' },
        { level: 'department', dueOn: '2024-10-15' },
      ],
    });

    const crcId = await insertPlanRow(trx, now, { ...KONTUM_2025_CRC_PLAN, parentPlanId: null });
    await insertTaskGroups(
      trx,
      crcId,
      KONTUM_2025_TASK_GROUPS.map((group) => ({
        code: group.code,
        title: group.title,
        tasks: group.tasks.map((task, ti) => ({
          code: String(ti + 1),
          content: task.content,
          leadUnitId: unitIds.get(task.lead)!,
          leadText: '',
          cooperatingText: task.cooperating,
          timeframe: task.timeframe,
          // "UBND các huyện, thành phố" cooperate: every district reports on the task.
          cooperatingUnitIds: task.cooperating.includes('UBND các huyện, thành phố') ? districtIds : [],
        })),
      })),
    );

    // 2025: the tree becomes two tiers; 2026: a 6-month period of the merged province.
    await loadReorganisation(trx, ctx, unitIds);
    await loadTwoTierPeriod(trx, ctx, planId, { measureCode: '9', breakdownId: sexByAge });

    // The 2025 plan's own reporting, as it says: "Định kỳ 6 tháng (trước ngày 10 tháng 6)": the
    // lead and cooperating units report on their tasks.
    const crcHalf = periodDefaults('half_year', 2025);
    await writePeriod(trx, {
      planId: crcId,
      parentUnitId: provinceId,
      kind: 'half_year',
      year: 2025,
      name: periodName('half_year', 2025),
      dataFrom: crcHalf.dataFrom,
      dataTo: crcHalf.dataTo,
      deadlines: [
        { level: 'district', dueOn: '2025-06-10' },
        { level: 'department', dueOn: '2025-06-10' },
      ],
    });

    // The annual report of 2025 covers both: the programme's indicators (a sample 2025 plan of the
    // merged province: the real 2025 indicator plan is not in the reference) and the CRC tasks,
    // "vào báo cáo thực hiện Chương trình hành động vì trẻ em": one form per unit, one report.
    const plan2025 = await loadSamplePlan(trx, ctx, planId, 2025, null);
    const annual2025 = periodDefaults('annual', 2025);
    const merged = (await listUnits(trx, annual2025.dataTo)).find((u) => u.code === QUANG_NGAI.code)!;
    await writePeriod(trx, {
      planId: plan2025,
      extraPlanIds: [crcId],
      parentUnitId: merged.id,
      kind: 'annual',
      year: 2025,
      name: periodName('annual', 2025),
      dataFrom: annual2025.dataFrom,
      dataTo: annual2025.dataTo,
      deadlines: (['commune', 'department'] as const).map((level) => ({ level, dueOn: annual2025.deadlines[level] })),
    });

    // A sample of the ministry's statistical indicator set, marked as a sample.
    if (!(await trx.selectFrom('catalogue').select('id').where('code', '=', TT13_SAMPLE.code).executeTakeFirst())) {
      const catalogueId = await writeCatalogue(trx, ctx, { ...TT13_SAMPLE, isSample: true });
      for (const [i, indicator] of TT13_SAMPLE_INDICATORS.entries()) await addIndicator(trx, catalogueId, i + 1, indicator);
    }

    await trx.insertInto('setting').values({ key: DEMO_SETTING, value: String(planId) }).onConflict((oc) => oc.column('key').doUpdateSet({ value: String(planId) })).execute();
    await audit(trx, ctx, { entity: 'demo', entityId: planId, action: 'load', after: { plans: [parentId, planId, crcId, plan2025] } });
    return planId;
  });
  return { planId, created: true };
}

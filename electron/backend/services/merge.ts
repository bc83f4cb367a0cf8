/**
 * The merge view: a period's measures × the child units' values, rolled up by each measure's
 * rule, judged against this year's target, next to the same period a year before.
 */
import type { BreakdownDto, EntryValue, ImportProblem, MeasureDto, MergeBreakdown, MergeCell, MergeRow, MergeView, PeriodDto, PreviousCell, UnitDto } from '../../../shared/api/types';
import { planMeasures, sectionTitle } from '../../../shared/api/plan-shape';
import { isTerritorial, owes } from '../../../shared/domain/who-reports';
import { TASK_STATUSES, combinedStatus, type TaskStatus } from '../../../shared/domain/task-status';
import { targetOfYear, type Rollup } from '../../../shared/domain/measure';
import { predecessorsAt, territorialTiers, type Succession } from '../../../shared/domain/reorganisation';
import { NARRATIVE_SECTIONS, type NarrativeKey } from '../../../shared/domain/narratives';
import { formatIsoDate, versionAt } from '../../../shared/domain/org-units';
import { assessResult, indexTree, rollUp, type TreeIndex, type TreeUnit } from '../../../shared/domain/rollup';
import { emptyColumn, figureAt, givenAt, layOutTree, putFigure, rollUpColumn, unitValues, type FigureColumn, type RolledColumn, type TreeLayout } from '../../../shared/domain/tree-rollup';
import type { CompiledQuery } from 'kysely';
import type { Db } from '../db/connection';
import { canReadOffThread, readOffThread } from '../workers/read-query';
import { cachedPeriodRead } from '../db/read-cache';
import { TOTAL_COMBO, currentReports, eachFigure, readFigures, readNarratives, readNotes, uncheckedWarnings, readTaskProgress, startRevision, sumPartsByGroup, totalsWithoutParts, type FigureRow, type PartSums, writeNarratives, writeTaskProgress, writeValues } from '../db/report-store';
import { nowIso, type BackendContext } from '../context';
import { UserError } from '../errors';
import { targetFor, taskKey } from '../templates/write-template';
import { partKey } from '../../../shared/domain/breakdown';
import { withoutBreakdownText } from '../../../shared/api/merge-text';
import { expectedUnits, getPeriod, listPeriods, periodStatus, periodTree } from './periods';
import { periodPlan } from './period-plan';
import { audit } from './audit';
import { logError } from './error-log';
import { assertPeriodOpen } from './locks';
import { getSetting } from './settings';
import { listUnits } from './units';
import { templateForUnit } from './templates';
import { groupBy } from '../../../shared/domain/group';


/** From this many units in the tree (the ministry's 3.355), the parts' sums are read on another core. */
const OFF_THREAD_UNITS = 1000;

export interface MergeOptions {
  /** Last year's figures beside this year's (default true). */
  withPrevious?: boolean;
  /**
   * The parts of broken-down measures: none; the compiling unit's figure of each part only, summed
   * in SQL (what the screen shows first, and all the PDF, the saved report and the file for the
   * level above need); or also every unit's figure of every part (the submission .xlsx, and one
   * measure's drill-down). Default 'cells'.
   */
  parts?: 'none' | 'totals' | 'cells';
  /** With parts 'cells': every unit's parts of this measure only. */
  measureId?: number;
  /** Look for the level above's period (for "Xuất tệp gửi cấp trên"); default true. */
  withUpstream?: boolean;
  /** From this many units in the tree, the parts' sums are read on another core (default OFF_THREAD_UNITS). */
  offThreadFrom?: number;
}

export async function mergeView(db: Db, ctx: BackendContext, periodId: number, parentUnitId?: number, options: MergeOptions = {}): Promise<MergeView> {
  const { withPrevious = true, parts: partsMode = 'cells', withUpstream = true, offThreadFrom = OFF_THREAD_UNITS } = options;
  const period = await getPeriod(db, periodId);
  const parentId = parentUnitId ?? period.parentUnitId;
  if (parentId === null) throw new UserError('validation', `Kỳ "${period.name}" chưa có đơn vị tổng hợp.`);
  if (parentId !== period.parentUnitId) throw new UserError('validation', `Kỳ "${period.name}" do ${period.parentUnitName ?? 'đơn vị khác'} tổng hợp; hãy chọn kỳ của đơn vị này.`);
  const plan = await periodPlan(db, period);
  // The units alive on the cut-off date, read once: the statuses, the tree and last year's lineage all use them.
  const allUnits = await listUnits(db, period.dataTo, true);
  const onCutOff = allUnits.filter((u) => versionAt(u.versions, period.dataTo));
  // Last year's merge first (when it is not kept): what it reads and builds is garbage before this year's is read.
  const previous = withPrevious ? await previousYear(db, ctx, period, allUnits) : null;
  const status = (await periodStatus(db, ctx, { id: periodId }, onCutOff, plan))!;
  // The period's status already resolved its expected units (names as of the cut-off date).
  const children = status.units.map((u) => ({ id: u.unitId, name: u.unitName, kind: u.unitKind, late: u.late, status: u.status }));
  const parentName = period.parentUnitName ?? '';

  // The whole tree under the compiling unit: a unit that sent nothing gets the roll-up of the units under it.
  const tree = await periodTree(db, period, onCutOff);
  const treeIds = new Set(tree.map((u) => u.id));
  const childIds = new Set(children.map((u) => u.id));
  const treeUnits: TreeUnit[] = [{ id: parentId, parentId: null, territorial: false }, ...tree.map((u) => ({ id: u.id, parentId: u.parentId, territorial: isTerritorial(u.kind) }))];
  const allReports = await currentReports(db, periodId);
  // A setting decides whether reports count before the compiler approves them (default: they do, marked).
  const approvedOnly = (await getSetting(db, 'countApprovedOnly')) === '1';
  const treeReports = allReports.filter((r) => treeIds.has(r.unitId) && (!approvedOnly || r.status === 'approved' || r.source === 'merge'));
  const notApproved = new Set(treeReports.filter((r) => r.status !== 'approved').map((r) => r.unitId));
  const waiting = allReports.filter((r) => treeIds.has(r.unitId) && !treeReports.includes(r)).map((r) => r.unitId);
  const reports = treeReports.filter((r) => childIds.has(r.unitId));
  const brokenDown = planMeasures(plan).filter((m) => m.breakdown);
  const treeReportIds = treeReports.map((r) => r.id);
  const treeIndex = indexTree(treeUnits);
  const layout = layOutTree(treeIndex);
  const isChild = new Uint8Array(layout.ids.length);
  for (const id of childIds) if (layout.slotOf.has(id)) isChild[layout.slotOf.get(id)!] = 1;
  // Parts summed in SQL over the territory ('totals'); those of measures the lead and cooperating
  // units report come from few reports and are rolled up here, like every part with 'cells'.
  const inSql = (m: MeasureDto) => partsMode === 'totals' && m.reporters === 'territorial';
  const sqlParts = brokenDown.filter(inSql);
  // Started first: at national size the sums are read on another core while this one reads the totals.
  const offThread =
    treeUnits.length >= offThreadFrom && canReadOffThread(db, ctx.raw)
      ? (q: CompiledQuery) =>
          readOffThread<PartSums>(ctx.raw, q).catch(async (e: unknown) => {
            // A worker that cannot start or dies costs time, not the merge: read here, and keep a trace.
            logError(ctx, 'merge: reading the parts on another core', e);
            return (await db.executeQuery<PartSums>(q)).rows;
          })
      : undefined;
  const partTotalsRead = sqlParts.length ? summedParts(db, periodId, treeIndex, parentId, sqlParts, treeReports, offThread) : null;
  partTotalsRead?.catch(() => undefined);
  // measure → option combination → every unit's own figure, in its slot of the tree.
  const byMeasure = new Map<number, Map<number, FigureColumn>>();
  const take = ([unitId, measureId, comboId, numerator, denominator, value]: FigureRow) => {
    let combos = byMeasure.get(measureId);
    if (!combos) byMeasure.set(measureId, (combos = new Map()));
    let column = combos.get(comboId);
    if (!column) combos.set(comboId, (column = emptyColumn(layout)));
    putFigure(column, layout, unitId, numerator, denominator, value);
  };
  await eachFigure(db, treeReportIds, { totalsOnly: true }, take);
  if (partsMode !== 'none') {
    const ids = brokenDown.filter((m) => !inSql(m) && (partsMode === 'totals' || options.measureId === undefined || options.measureId === m.id)).map((m) => m.id);
    await eachFigure(db, treeReportIds, { measureIds: ids }, (row) => row[2] !== TOTAL_COMBO && take(row));
  }
  /** Whether a report not yet approved is among those under a unit that sent none itself. */
  // Worked out once per unit (memoised), not once per unit and measure.
  const below = new Map<number, boolean>();
  const anyBelow = (id: number, depth = 0): boolean => {
    let known = below.get(id);
    if (known === undefined) below.set(id, (known = depth < 50 && (treeIndex.children.get(id) ?? []).some((c) => notApproved.has(c.id) || anyBelow(c.id, depth + 1))));
    return known;
  };
  const summed = new Set((treeIndex.summed.get(parentId) ?? []).map((u) => u.id));
  const partTotals = await partTotalsRead;
  const previousCells = previous ? previousByUnit(tree, allUnits, previous.period.dataTo) : null;
  // Figures with a warning the compiler has not marked checked, by measure.
  const unchecked = await uncheckedWarnings<ImportProblem>(db, treeReports);
  const toCheckBy = new Map<number, Set<number>>();
  for (const r of treeReports) {
    for (const w of unchecked.get(r.id)!) if (w.at) toCheckBy.set(w.at.measureId, (toCheckBy.get(w.at.measureId) ?? new Set()).add(r.unitId));
  }
  const notesByMeasure = new Map<number, Record<number, string>>();
  for (const n of await readNotes(db, treeReportIds)) notesByMeasure.set(n.measureId, { ...notesByMeasure.get(n.measureId), [n.unitId]: n.note });
  const overrides = await db.selectFrom('merge_override').selectAll().where('period_id', '=', periodId).where('parent_unit_id', '=', parentId).orderBy('id', 'desc').execute();

  const rows: MergeRow[] = [];
  for (const g of plan.goals) {
    for (const i of g.indicators) {
      for (const m of i.measures) {
        const combos = byMeasure.get(m.id);
        // The units that owe this measure; those of the territory add up through the tree, the lead
        // and cooperating units each give their own part.
        const owing = children.filter((u) => owes(u, m)).map((u) => u.id);
        const countedIds = m.reporters === 'territorial' ? summed : new Set(owing);
        /** Every unit's figure for one option combination, rolled up through the tree, and the compiling unit's total. */
        const rollUpCombo = (comboId: number) => {
          const cells = rollUpColumn(m.rollup, m.rateFactor, layout, combos?.get(comboId));
          const all = unitValues(cells, layout, (s) => isChild[s] === 1);
          const counted = m.rollup === 'sum' || m.rollup === 'ratio' ? all.filter((v) => countedIds.has(v.unitId)) : all;
          return { cells, all, total: rollUp(m.rollup, m.rateFactor, counted, m.leadUnitId) };
        };
        const { cells, all, total } = rollUpCombo(TOTAL_COMBO);
        // Figures given but not in the total, and why.
        const excludedReasons: Record<number, string> = {};
        for (const id of total.excluded) excludedReasons[id] = 'chỉ có kết quả, thiếu tử số và mẫu số nên không cộng được';
        if (m.rollup === 'sum' || m.rollup === 'ratio') {
          for (const v of all) {
            if (countedIds.has(v.unitId) || excludedReasons[v.unitId]) continue;
            excludedReasons[v.unitId] = m.reporters === 'territorial' ? 'số của sở, ngành không cộng vào tổng của địa bàn (đã có trong số của các huyện, xã)' : 'đơn vị không được giao báo cáo chỉ tiêu này';
          }
        }
        const expectedFor = owing;
        const given = new Set(all.map((v) => v.unitId));
        const target = targetOfYear(m.targets, period.year);
        const prev = previous?.rows.find((r) => r.code === m.code);
        const mine = overrides.filter((o) => o.measure_id === m.id);
        const current = mine.find((o) => o.is_current === 1);
        const computed = { numerator: total.numerator, denominator: total.denominator, value: total.value };
        const effective = current ? { numerator: null, denominator: null, value: current.value } : computed;
        rows.push({
          measureId: m.id,
          code: m.code,
          name: m.name,
          goalCode: g.code,
          goalTitle: g.title,
          indicatorCode: i.code,
          indicatorTitle: i.title,
          unitLabel: m.unitLabel,
          valueKind: m.valueKind,
          rateFactor: m.rateFactor,
          direction: m.direction,
          rollup: m.rollup,
          leadUnitId: m.leadUnitId,
          leadUnitName: m.leadUnitName,
          catalogueIndicator: m.catalogueIndicator,
          reporters: m.reporters,
          numeratorLabel: m.numeratorLabel,
          denominatorLabel: m.denominatorLabel,
          displayDecimals: m.displayDecimals,
          targetText: targetFor(m, period.year),
          target: target ? { value: target.value, valueMax: target.valueMax } : null,
          cells: cellsOf(cells, layout, parentId),
          total: effective,
          computed,
          override: current
            ? {
                value: current.value,
                reason: current.reason,
                by: current.created_by,
                at: current.created_at,
                // The roll-up moved since the override was set (a new report came): the override may be out of date.
                stale: !sameFigure(current.computed_value, computed.value) ? { computedThen: current.computed_value, computedNow: computed.value } : null,
              }
            : null,
          overrideHistory: mine.map((o) => ({ value: o.value, computedValue: o.computed_value, reason: o.reason, by: o.created_by, at: o.created_at, current: o.is_current === 1 })),
          contributing: total.contributing,
          excluded: Object.keys(excludedReasons).map(Number),
          excludedReasons,
          notes: notesByMeasure.get(m.id) ?? {},
          toCheck: [...(toCheckBy.get(m.id) ?? [])],
          unapproved: total.contributing.filter((id) => (cells.derivedFrom[layout.slotOf.get(id)!]! > 0 ? anyBelow(id) : notApproved.has(id))),
          missing: expectedFor.filter((id) => !given.has(id)),
          assessment: assessResult(m.direction, target, effective),
          previous: previous ? { value: prev?.total.value ?? null, periodName: previous.period.name } : null,
          previousByUnit: previousCells && prev ? previousCells(m.rollup, m.rateFactor, prev) : {},
          breakdown: !m.breakdown || partsMode === 'none' ? null : inSql(m) ? partTotals!(m, childIds) : breakdownOf(m.breakdown, layout, parentId, rollUpCombo, combos, partsMode === 'totals' || options.measureId === undefined || options.measureId === m.id),
        });
      }
    }
  }
  const reported = new Set(reports.map((r) => r.unitId));
  const missing = children.filter((u) => !reported.has(u.id)).map((u) => u.name);
  // A unit that sent nothing but whose units under it did: its figures are theirs, said as "lấy tổng của 2/3 xã".
  const treeReported = new Set(treeReports.map((r) => r.unitId));
  const standIns = children.flatMap((u) => {
    if (reported.has(u.id)) return [];
    const leaves = leavesOf(treeIndex, u.id);
    const sent = coveredLeaves(treeIndex, u.id, treeReported);
    return leaves.length > 1 || leaves[0] !== u.id ? (sent ? [{ name: u.name, sent, of: leaves.length }] : []) : [];
  });
  const derivedNames = new Set(standIns.map((x) => x.name));
  const reallyMissing = missing.filter((n) => !derivedNames.has(n));
  const reportIds = reports.map((r) => r.id);
  // How deep each unit is under the compiling unit (1: reports to it).
  const treeById = new Map(tree.map((u) => [u.id, u]));
  const depthOf = (id: number) => {
    let depth = 1;
    for (let p = treeById.get(id)?.parentId ?? null; p !== null && p !== parentId && depth < 50; depth++) p = treeById.get(p)?.parentId ?? null;
    return depth;
  };
  const texts = await readNarratives(db, reportIds);
  const ownReport = allReports.find((r) => r.unitId === parentId && r.source === 'merge');
  const ownIds = ownReport ? [ownReport.id] : [];
  const ownTexts = await readNarratives(db, ownIds);
  const narratives = NARRATIVE_SECTIONS.map((section) => {
    const parts = children.flatMap((u) => {
      const report = reports.find((r) => r.unitId === u.id);
      const text = report && texts.find((t) => t.reportId === report.id && t.section === section.key)?.body;
      return text ? [{ unitName: u.name, text }] : [];
    });
    const saved = ownTexts.find((t) => t.section === section.key)?.body;
    return { key: section.key, label: section.label, parts, draft: saved ?? parts.map((p) => `- ${p.unitName}: ${p.text}`).join('\n') };
  });
  const progress = await readTaskProgress(db, reportIds);
  const ownProgress = await readTaskProgress(db, ownIds);
  // By task: the lead's report first, then the cooperating units' in the order of the list; the lead says where the task stands.
  const tasks = plan.tasks.map((t) => {
    const ordered = [...children].sort((a, b) => Number(b.id === t.leadUnitId) - Number(a.id === t.leadUnitId));
    const parts = ordered.flatMap((u) => {
      const report = reports.find((r) => r.unitId === u.id);
      const p = report && progress.find((x) => x.reportId === report.id && x.taskId === t.id);
      return p ? [{ unitName: u.name, role: u.id === t.leadUnitId ? ('lead' as const) : ('cooperating' as const), text: p.progress, status: p.status, events: p.events, participants: p.participants, funds: p.funds }] : [];
    });
    const saved = ownProgress.find((p) => p.taskId === t.id)?.progress;
    // The lead says where the task stands; when the lead is not among the reporting units (the compiling unit leads it), the units' reports do.
    const leadReports = children.some((u) => u.id === t.leadUnitId);
    const status = leadReports ? (parts.find((p) => p.role === 'lead')?.status ?? null) : combinedStatus(parts.map((p) => p.status));
    const line = (p: (typeof parts)[number]) => `- ${p.unitName}${p.role === 'lead' ? ' (chủ trì)' : ''}${p.status ? ` [${TASK_STATUSES[p.status]}]` : ''}: ${p.text}`;
    return { taskId: t.id, key: taskKey(t), content: t.content, leadName: t.leadName, status, statusFrom: leadReports ? ('lead' as const) : ('units' as const), parts, draft: saved ?? parts.filter((p) => p.text.trim()).map(line).join('\n') };
  });
  const taskCounts = { done: 0, in_progress: 0, not_started: 0, not_applicable: 0, no_report: 0 } as Record<TaskStatus | 'no_report', number>;
  for (const t of tasks) taskCounts[t.status ?? 'no_report']++;
  return {
    period,
    parentUnitId: parentId,
    parentUnitName: parentName,
    cellsOf: 'all',
    units: children.map((u) => ({ ...u, reported: reported.has(u.id) })),
    tree: tree.map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId!, depth: depthOf(u.id), isSample: u.isSample, reported: treeReported.has(u.id) })),
    tiers: territorialTiers([{ id: parentId, parentId: null, kind: 'province' }, ...tree], parentId),
    rows,
    completeness: { expected: children.length, reported: reported.size, missing, late: status.units.filter((u) => u.late).map((u) => u.unitName) },
    // As of today, but never later than the period's cut-off: a 2024 report printed in 2026 says what was missing at its end.
    missingText: missingTextOf(reallyMissing, standIns, formatIsoDate(status.today < period.dataTo ? status.today : period.dataTo)),
    countApprovedOnly: approvedOnly,
    upstream: withUpstream ? await upstreamPeriod(db, period, parentId).then((p) => (p ? { periodId: p.id, name: p.name, parentUnitName: p.parentUnitName ?? '' } : null)) : null,
    notCounted: [...new Set(waiting)].map((id) => treeById.get(id)?.name ?? `đơn vị số ${id}`),
    narratives,
    tasks,
    taskCounts,
    saved: ownReport ? { reportId: ownReport.id, revision: ownReport.revision, savedAt: ownReport.receivedAt } : null,
    sections:
      plan.sections.length > 1
        ? plan.sections.map((s) => ({
            title: sectionTitle(s),
            goalCodes: plan.goals.filter((g) => s.goalIds.includes(g.id)).map((g) => g.code),
            taskKeys: plan.tasks.filter((t) => s.taskGroupIds.includes(t.groupId)).map(taskKey),
          }))
        : [],
  };
}

const sameFigure = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

/** The units at the bottom of the tree under a unit (the communes of a district; the unit itself when it has none under it). */
function leavesOf(tree: TreeIndex, id: number, depth = 0): number[] {
  const kids = tree.summed.get(id) ?? [];
  return !kids.length || depth >= 50 ? [id] : kids.flatMap((k) => leavesOf(tree, k.id, depth + 1));
}

/** How many of the units at the bottom of the tree under a unit are covered by a report: their own, or one of a unit between. One walk of the subtree. */
function coveredLeaves(tree: TreeIndex, id: number, reported: ReadonlySet<number>, depth = 0): number {
  if (reported.has(id)) return leavesOf(tree, id).length;
  const kids = tree.summed.get(id) ?? [];
  return !kids.length || depth >= 50 ? 0 : kids.reduce((n, k) => n + coveredLeaves(tree, k.id, reported, depth + 1), 0);
}

/**
 * The completeness line: "Chưa có số liệu của: Sở Y tế. Huyện Ia H'Drai chưa gửi báo cáo: lấy
 * tổng của 2/3 xã (tính đến ngày 01/12/2024)."
 */
export function missingTextOf(missing: readonly string[], standIns: readonly { name: string; sent: number; of: number }[], today: string): string | null {
  if (!missing.length && !standIns.length) return null;
  const parts: string[] = [];
  if (missing.length) parts.push(`Chưa có số liệu của: ${missing.join(', ')}`);
  for (const s of standIns) parts.push(`${s.name} chưa gửi báo cáo: lấy tổng của ${s.sent}/${s.of} xã${s.sent < s.of ? ' (còn thiếu ' + (s.of - s.sent) + ' xã)' : ''}`);
  return `${parts.join('. ')} (tính đến ngày ${today}).`;
}

/**
 * The same kind of period a year earlier, compiled by the same unit or by the unit(s) it succeeded
 * (a 2026 province compares with the 2025 province it was merged from).
 */
async function previousYear(db: Db, ctx: BackendContext, period: PeriodDto, units: readonly UnitDto[]): Promise<{ period: PeriodDto; rows: LastYearRow[] } | null> {
  const lineage = successionsOf(units);
  for (const p of await listPeriods(db)) {
    if (p.kind !== period.kind || p.year !== period.year - 1 || p.parentUnitId === null || period.parentUnitId === null) continue;
    const stood = p.parentUnitId === period.parentUnitId || predecessorsAt(period.parentUnitId, p.dataTo, lineage, existedOn(units)).ids.includes(p.parentUnitId);
    if (!stood) continue;
    // Kept until last year's period, its units or its plans change: a report arriving this year leaves it.
    const approvedOnly = await getSetting(db, 'countApprovedOnly');
    const rows = await cachedPeriodRead(db, p.id, ['units', 'plans'], `last year's merge (approved only: ${approvedOnly})`, async () =>
      lastYearRows(await mergeView(db, ctx, p.id, undefined, { withPrevious: false, parts: 'none', withUpstream: false })),
    );
    return { period: p, rows };
  }
  return null;
}

/** Of last year's merge, what this year's is compared with: each measure's total and every unit's figure, as a comparison shows it. */
interface LastYearRow {
  code: string;
  total: MergeCell;
  cells: Record<number, PreviousCell>;
}

/** Made once when last year's merge is kept: a unit that did not change then shares its cell with every merge compared with it. */
function lastYearRows(view: MergeView): LastYearRow[] {
  return view.rows.map((r) => {
    const cells: Record<number, PreviousCell> = {};
    for (const [id, cell] of Object.entries(r.cells)) {
      cells[Number(id)] = cell.derivedFrom ? { ...cell, fromUnits: null, note: null } : { numerator: cell.numerator, denominator: cell.denominator, value: cell.value, fromUnits: null, note: null };
    }
    return { code: r.code, total: r.total, cells };
  });
}

function successionsOf(units: readonly UnitDto[]): Succession[] {
  return units.flatMap((u) => u.successors.map((s) => ({ predecessorId: u.id, successorId: s.id })));
}

function existedOn(units: readonly UnitDto[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  return (id: number, date: string) => versionAt(byId.get(id)?.versions ?? [], date) !== undefined;
}

/**
 * Each unit's figure in the earlier period: its own when it existed then; after A+B→C, A's and
 * B's figures rolled up by the measure's rule (sum for counts, Σnum/Σden for rates), named; after
 * a split, none (the earlier figure covers more than this unit).
 */
function previousByUnit(tree: readonly UnitDto[], units: readonly UnitDto[], priorDate: string) {
  const lineage = successionsOf(units);
  const existed = existedOn(units);
  const nameAt = (id: number) => {
    const u = units.find((x) => x.id === id);
    return (u && versionAt(u.versions, priorDate)?.name) ?? u?.name ?? `đơn vị số ${id}`;
  };
  // Most units are the units they were a year before: their cells are copied; the rest are worked out from their predecessors.
  const same: number[] = [];
  const changed: { id: number; origin: ReturnType<typeof predecessorsAt> }[] = [];
  for (const u of tree) {
    const origin = predecessorsAt(u.id, priorDate, lineage, existed);
    if (origin.ids.length === 1 && origin.ids[0] === u.id) same.push(u.id);
    else if (origin.ids.length) changed.push({ id: u.id, origin });
  }
  return (rule: Rollup, factor: number | null, prev: LastYearRow): Record<number, PreviousCell> => {
    const out: Record<number, PreviousCell> = {};
    for (const id of same) {
      const cell = prev.cells[id];
      if (cell) out[id] = cell;
    }
    for (const { id, origin } of changed) {
      const fromUnits = origin.ids.map(nameAt);
      if (origin.shared) {
        out[id] = { numerator: null, denominator: null, value: null, fromUnits, note: `Không so sánh được: đơn vị được chia tách từ ${fromUnits.join(', ')}.` };
        continue;
      }
      const given = origin.ids.map((id) => prev.cells[id]).filter((c): c is PreviousCell => c !== undefined && (c.value !== null || c.numerator !== null));
      const lacking = origin.ids.filter((id) => !prev.cells[id] || (prev.cells[id]!.value === null && prev.cells[id]!.numerator === null)).map(nameAt);
      if (rule !== 'sum' && rule !== 'ratio') {
        out[id] = { numerator: null, denominator: null, value: null, fromUnits, note: 'Chỉ tiêu không cộng từ đơn vị: không so sánh được sau sáp nhập.' };
      } else if (lacking.length) {
        out[id] = { numerator: null, denominator: null, value: null, fromUnits, note: `Không đủ số liệu năm trước của: ${lacking.join(', ')}.` };
      } else {
        const total = rollUp(rule, factor, given.map((c, i) => ({ unitId: origin.ids[i]!, numerator: c.numerator, denominator: c.denominator, value: c.value })), null);
        out[id] = { numerator: total.numerator, denominator: total.denominator, value: total.value, fromUnits, note: null };
      }
    }
    return out;
  };
}

/** Every unit's figure as the view sends it, by unit id (the compiling unit's is the row's total, not a cell). */
function cellsOf(column: RolledColumn, layout: TreeLayout, parentId: number): Record<number, MergeCell> {
  const out: Record<number, MergeCell> = {};
  for (let i = 0; i < column.size; i++) {
    const s = column.order[i]!;
    const id = layout.ids[s]!;
    if (id === parentId) continue;
    const cell: MergeCell = figureAt(column, s);
    if (column.derivedFrom[s]! > 0) {
      cell.derivedFrom = column.derivedFrom[s]!;
      cell.derivedOf = column.derivedOf[s]!;
    }
    out[id] = cell;
  }
  return out;
}

/**
 * A broken-down measure's parts: each option combination rolled up by the measure's rule, like
 * the total; and the units that gave the total without its parts (their total is in the
 * compiled total, not in the parts, so the parts need not add up to it).
 */
function breakdownOf(
  b: BreakdownDto,
  layout: TreeLayout,
  parentId: number,
  rollUpCombo: (comboId: number) => { cells: RolledColumn; total: { numerator: number | null; denominator: number | null; value: number | null } },
  own: Map<number, FigureColumn> | undefined,
  withCells: boolean,
): MergeBreakdown {
  if (!withCells) return { ...breakdownHead(b), parts: b.combos.map((c) => ({ comboId: c.id, key: c.key, label: c.label, options: c.options, total: NO_CELL, cells: {} })), withoutBreakdown: [], cellsIncluded: false };
  const parts = b.combos.map((c) => {
    const { cells, total } = rollUpCombo(c.id);
    return { comboId: c.id, key: c.key, label: c.label, options: c.options, total: { numerator: total.numerator, denominator: total.denominator, value: total.value }, cells: cellsOf(cells, layout, parentId) };
  });
  const totals = own?.get(TOTAL_COMBO);
  const withoutBreakdown: number[] = [];
  for (let s = 0; totals && s < layout.ids.length; s++) {
    const partGiven = (comboId: number) => {
      const part = own!.get(comboId);
      return !!part && givenAt(part, s);
    };
    if (givenAt(totals, s) && !b.combos.some((c) => partGiven(c.id))) withoutBreakdown.push(layout.ids[s]!);
  }
  return { ...breakdownHead(b), parts, withoutBreakdown, cellsIncluded: true };
}

const NO_CELL: MergeCell = { numerator: null, denominator: null, value: null };
const breakdownHead = (b: BreakdownDto) => ({ name: b.name, categories: b.categories.map((c) => ({ name: c.name, options: c.options.map((o) => o.name) })) });

/**
 * The compiling unit's figure of every part of every broken-down measure, without reading every
 * unit's parts. rollUpTree's rule: a unit's own figure counts unless a unit between it and the
 * compiling unit has its own figure for the same part (own figures win over the units under
 * them), only through links whose figures add up. Units with the same units above them are
 * summed together in SQL; the few units with units under them are read, to see which sums their
 * own figures replace. Lead measures take the lead unit's own parts. No unit's cells: the screen
 * asks for one measure's when it is opened.
 */
async function summedParts(db: Db, periodId: number, tree: TreeIndex, rootId: number, measures: readonly MeasureDto[], reports: readonly { id: number; unitId: number }[], offThread?: (query: CompiledQuery) => Promise<PartSums[]>) {
  const chains: number[][] = [];
  const chainIds = new Map<string, number>();
  const members: { unitId: number; groupId: number }[] = [];
  const walk = (id: number, between: number[], depth: number) => {
    const key = between.join(',');
    let groupId = chainIds.get(key);
    if (groupId === undefined) chainIds.set(key, (groupId = chains.push(between) - 1));
    for (const k of tree.summed.get(id) ?? []) {
      members.push({ unitId: k.id, groupId });
      if (depth < 50 && tree.children.has(k.id)) walk(k.id, [...between, k.id], depth + 1);
    }
  };
  walk(rootId, [], 0);
  const ids = measures.map((m) => m.id);
  const sumsRead = sumPartsByGroup(db, periodId, members, offThread);
  sumsRead.catch(() => undefined);
  // The own figures of the units between: where one is given, it replaces the sum of the units under it.
  const inBetween = new Set(chains.flat());
  const ownBetween = new Set(
    (await readFigures(db, reports.filter((r) => inBetween.has(r.unitId)).map((r) => r.id), { measureIds: ids }))
      .filter((f) => f.optionComboId !== TOTAL_COMBO && (f.value !== null || f.numerator !== null))
      .map((f) => `${f.unitId}:${f.measureId}:${f.optionComboId}`),
  );
  const totals = new Map<string, { sumValue: number; countValue: number; sumNumerator: number; sumDenominator: number; countRatio: number }>();
  for (const s of await sumsRead) {
    if (chains[s.groupId]!.some((u) => ownBetween.has(`${u}:${s.measureId}:${s.optionComboId}`))) continue;
    const key = `${s.measureId}:${s.optionComboId}`;
    const t = totals.get(key) ?? { sumValue: 0, countValue: 0, sumNumerator: 0, sumDenominator: 0, countRatio: 0 };
    t.sumValue += s.sumValue ?? 0;
    t.countValue += s.countValue;
    t.sumNumerator += s.sumNumerator ?? 0;
    t.sumDenominator += s.sumDenominator ?? 0;
    t.countRatio += s.countRatio;
    totals.set(key, t);
  }
  const unitIds = [...new Set(reports.map((r) => r.unitId))];
  const without = groupBy(await totalsWithoutParts(db, periodId, unitIds, ids), (r) => r.measureId, (r) => r.unitId);
  const leads = measures.filter((m) => m.rollup === 'lead' && m.leadUnitId !== null);
  const leadReports = reports.filter((r) => leads.some((m) => m.leadUnitId === r.unitId)).map((r) => r.id);
  const leadFigures = await readFigures(db, leadReports, { measureIds: leads.map((m) => m.id) });
  return (m: MeasureDto, childIds: ReadonlySet<number>): MergeBreakdown => {
    const b = m.breakdown!;
    const partTotal = (comboId: number): MergeCell => {
      if (m.rollup === 'lead') {
        const v = m.leadUnitId !== null && childIds.has(m.leadUnitId) ? leadFigures.find((f) => f.measureId === m.id && f.optionComboId === comboId && f.unitId === m.leadUnitId) : undefined;
        return v && (v.value !== null || v.numerator !== null) ? { numerator: v.numerator, denominator: v.denominator, value: v.value } : NO_CELL;
      }
      const s = totals.get(`${m.id}:${comboId}`);
      if (!s || m.rollup === 'none') return NO_CELL;
      if (m.rollup === 'sum') return s.countValue ? { numerator: null, denominator: null, value: s.sumValue } : NO_CELL;
      if (!s.countRatio) return NO_CELL;
      return { numerator: s.sumNumerator, denominator: s.sumDenominator, value: s.sumDenominator > 0 && m.rateFactor ? (s.sumNumerator / s.sumDenominator) * m.rateFactor : null };
    };
    return {
      ...breakdownHead(b),
      parts: b.combos.map((c) => ({ comboId: c.id, key: c.key, label: c.label, options: c.options, total: partTotal(c.id), cells: {} })),
      withoutBreakdown: without.get(m.id) ?? [],
      cellsIncluded: false,
    };
  };
}

/** Sets (or, with a null value, removes) the compiler's value for a merged measure; every change is kept. */
export async function overrideMerged(db: Db, ctx: BackendContext, args: { periodId: number; measureId: number; value: number | null; reason: string }): Promise<{ measureId: number; value: number | null }> {
  await assertPeriodOpen(db, args.periodId, 'sửa số tổng hợp');
  const view = await mergeView(db, ctx, args.periodId, undefined, { withPrevious: false, parts: 'none' });
  const row = view.rows.find((r) => r.measureId === args.measureId);
  if (!row) throw new UserError('validation', `Chỉ số số ${args.measureId} không thuộc kế hoạch của kỳ "${view.period.name}".`);
  if (args.value === null && !row.override) throw new UserError('validation', `Chỉ tiêu ${row.code} chưa có số sửa tay để bỏ.`);
  if (args.value !== null && row.rateFactor === 100 && args.value > 100) throw new UserError('validation', `Chỉ tiêu ${row.code}: tỷ lệ phần trăm phải từ 0 đến 100.`);
  const userName = await getSetting(db, 'userName');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('merge_override').set({ is_current: 0 }).where('period_id', '=', args.periodId).where('parent_unit_id', '=', view.parentUnitId).where('measure_id', '=', args.measureId).execute();
    await trx
      .insertInto('merge_override')
      .values({
        period_id: args.periodId,
        parent_unit_id: view.parentUnitId,
        measure_id: args.measureId,
        value: args.value,
        computed_value: row.computed.value,
        reason: args.reason,
        created_at: nowIso(ctx),
        created_by: userName,
        is_current: args.value === null ? 0 : 1,
      })
      .execute();
    await audit(trx, ctx, { entity: 'merge', entityId: args.periodId, action: `override ${row.code}`, before: { value: row.total.value }, after: { value: args.value ?? row.computed.value }, reason: args.reason });
  });
  return { measureId: args.measureId, value: args.value };
}

/** The merged values as a report's values: rates keep their summed numerator and denominator; parts keep their option combination. */
function mergedValues(view: MergeView): (EntryValue & { key: string })[] {
  const given = (c: MergeCell) => c.value !== null || c.numerator !== null;
  return view.rows.flatMap((r) => [
    ...(given(r.total) ? [{ key: r.code, measureId: r.measureId, numerator: r.total.numerator, denominator: r.total.denominator, value: r.total.value, textValue: null, note: r.override ? `Sửa tay: ${r.override.reason}` : null }] : []),
    ...(r.breakdown?.parts ?? [])
      .filter((p) => given(p.total))
      .map((p) => ({ key: partKey(r.code, p.key.split('/')), measureId: r.measureId, optionComboId: p.comboId, numerator: p.total.numerator, denominator: p.total.denominator, value: p.total.value, textValue: null, note: null })),
  ]);
}

/** A figure of the units' reports on a task, added up (null when none gave it). */
function sumOf(parts: MergeView['tasks'][number]['parts'], f: 'events' | 'participants' | 'funds'): number | null {
  return parts.some((p) => p[f] !== null) ? parts.reduce((s, p) => s + (p[f] ?? 0), 0) : null;
}

/** Saves the merge as the compiling unit's own report for the period (a new revision each time). */
export async function saveMerge(
  db: Db,
  ctx: BackendContext,
  periodId: number,
  narratives: Partial<Record<NarrativeKey, string>> = {},
  taskProgress: { taskId: number; progress: string }[] = [],
): Promise<{ reportId: number; revision: number; savedAt: string }> {
  await assertPeriodOpen(db, periodId, 'lưu lại báo cáo tổng hợp');
  const view = await mergeView(db, ctx, periodId, undefined, { withPrevious: false, parts: 'totals' });
  const savedAt = nowIso(ctx);
  const values = mergedValues(view);
  const texts = Object.fromEntries(view.narratives.map((n) => [n.key, narratives[n.key as NarrativeKey] ?? n.draft]));
  return db.transaction().execute(async (trx) => {
    const { reportId: id, revision } = await startRevision(trx, {
      periodId,
      unitId: view.parentUnitId,
      source: 'merge',
      status: 'valid',
      receivedAt: savedAt,
      warnings: view.missingText ? [{ severity: 'warning', row: null, cell: null, message: view.missingText }] : [],
    });
    await writeValues(trx, id, values.map(({ key: _key, ...v }) => ({ ...v, optionComboId: v.optionComboId ?? TOTAL_COMBO })));
    await writeNarratives(trx, id, texts);
    // The compiled report says of each task what its lead said of where it stands, and the units' figures added up.
    await writeTaskProgress(
      trx,
      id,
      view.tasks.map((t) => ({ taskId: t.taskId, progress: taskProgress.find((p) => p.taskId === t.taskId)?.progress ?? t.draft, status: t.status, events: sumOf(t.parts, 'events'), participants: sumOf(t.parts, 'participants'), funds: sumOf(t.parts, 'funds') })),
    );
    await audit(trx, ctx, { entity: 'merge', entityId: periodId, action: 'save', after: { reportId: id, revision, values: values.length, missing: view.completeness.missing, narratives: texts } });
    return { reportId: id, revision, savedAt };
  });
}

/** The period of the level above that expects this compiling unit's report (same year and kind), if the data has one. */
async function upstreamPeriod(db: Db, period: PeriodDto, parentUnitId: number): Promise<PeriodDto | undefined> {
  for (const p of await listPeriods(db)) {
    if (p.id === period.id || p.year !== period.year || p.kind !== period.kind) continue;
    if ((await expectedUnits(db, p)).some((u) => u.id === parentUnitId)) return p;
  }
  return undefined;
}

/**
 * The compiled report as the file the level above imports: its template for this unit, filled
 * with the merged values (a district's merge becomes a file the province takes like any other).
 */
export async function exportMergeUpstream(db: Db, ctx: BackendContext, periodId: number): Promise<{ fileName: string; bytes: Buffer; periodName: string; notes: string[] }> {
  const view = await mergeView(db, ctx, periodId, undefined, { withPrevious: false, parts: 'totals' });
  const upstream = await upstreamPeriod(db, view.period, view.parentUnitId);
  if (!upstream) {
    throw new UserError('validation', `Không có kỳ báo cáo cấp trên (${view.period.name}) nhận báo cáo của ${view.parentUnitName} trong dữ liệu này. Hãy lập kỳ của cấp trên, hoặc điền số tổng hợp vào biểu mẫu cấp trên gửi.`);
  }
  // Parts go up only where they add up to the total: with a unit that gave no breakdown they do
  // not, and the level above would (rightly) refuse the file. Such a measure goes up as its
  // total, with a note saying whose breakdown is missing.
  const incomplete = new Map(view.rows.flatMap((r) => (r.breakdown?.withoutBreakdown.length ? [[r.measureId, withoutBreakdownText(view, r)!] as const] : [])));
  const values = new Map(
    mergedValues(view)
      .filter((v) => v.optionComboId === undefined || !incomplete.has(v.measureId))
      .map((v) => [v.key, v.optionComboId === undefined && incomplete.has(v.measureId) ? { ...v, note: [v.note, `${incomplete.get(v.measureId)}.`].filter(Boolean).join(' ') } : v]),
  );
  const narratives = Object.fromEntries(view.narratives.map((n) => [n.key, n.draft])) as Partial<Record<NarrativeKey, string>>;
  // Tasks go up as compiled: the lead's status, the draft, the units' figures added up.
  const tasks = new Map(view.tasks.map((t) => [t.key, { status: t.status, progress: t.draft, events: sumOf(t.parts, 'events'), participants: sumOf(t.parts, 'participants'), funds: sumOf(t.parts, 'funds') }]));
  const t = await templateForUnit(db, ctx, upstream.id, view.parentUnitId, { values, narratives, tasks });
  const notes = view.rows
    .filter((r) => incomplete.has(r.measureId))
    .map((r) => `Chỉ tiêu ${r.code} chỉ gửi Tổng số, không gửi phân tổ, vì ${incomplete.get(r.measureId)!.replace(/^Chưa phân tổ \(chỉ có Tổng số\): /, '')} chưa báo cáo phân tổ.`);
  return { fileName: t.fileName, bytes: t.bytes, periodName: upstream.name, notes };
}

/** One broken-down measure's parts with every unit's figure: what the merge screen shows when the measure is opened. */
export async function mergeBreakdown(db: Db, ctx: BackendContext, periodId: number, measureId: number): Promise<MergeBreakdown> {
  const view = await mergeView(db, ctx, periodId, undefined, { withPrevious: false, parts: 'cells', measureId });
  const row = view.rows.find((r) => r.measureId === measureId);
  if (!row) throw new UserError('validation', `Chỉ số số ${measureId} không thuộc kế hoạch của kỳ "${view.period.name}".`);
  if (!row.breakdown) throw new UserError('validation', `Chỉ tiêu ${row.code} không có phân tổ.`);
  return row.breakdown;
}

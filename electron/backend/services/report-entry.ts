/**
 * Typed-in reports (paper, phone): the grid reads a unit's current report and saves changed
 * values. A typed report is edited in place; the first edit of a report that came from a file
 * (or was approved) starts a new revision, so the received file stays as it was.
 */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { EntryValue, ReportEntry } from '../../../shared/api/types';
import { planMeasures } from '../../../shared/api/plan-shape';
import { checkValue, rateValue } from '../../../shared/domain/value-rules';
import { formatVnNumber } from '../../../shared/domain/vn-number';
import type { Db } from '../db/connection';
import { TOTAL_COMBO, currentReport, readNarratives, readTaskProgress, readValues, replaceMeasureValues, setWarnings, startRevision, writeNarratives, writeTaskProgress, type StoredValue } from '../db/report-store';
import { mismatchText, partKey, reconcileBreakdown } from '../../../shared/domain/breakdown';
import { nowIso, type BackendContext } from '../context';
import { UserError } from '../errors';
import { targetFor, taskKey } from '../templates/write-template';
import { audit } from './audit';
import { assertReportOpen, periodLock, reportLock } from './locks';
import { getPeriod, periodTree } from './periods';
import { periodPlan } from './period-plan';
import { dutiesIn } from './duties';
import { typedWarnings } from './figure-warnings';
import { planFor } from '../../../shared/api/plan-shape';
import { REPORTERS } from '../../../shared/domain/who-reports';

async function entryContext(db: Db, periodId: number, unitId: number) {
  const period = await getPeriod(db, periodId);
  const unit = (await periodTree(db, period)).find((u) => u.id === unitId);
  if (!unit) throw new UserError('validation', `Đơn vị số ${unitId} không thuộc danh sách đơn vị báo cáo của kỳ "${period.name}".`);
  const plan = await periodPlan(db, period);
  return { period, unit, plan, duties: dutiesIn(plan)(unit) };
}

export async function getEntry(db: Db, periodId: number, unitId: number): Promise<ReportEntry> {
  const { period, unit, plan, duties } = await entryContext(db, periodId, unitId);
  const report = await currentReport(db, periodId, unitId);
  const ids = report ? [report.id] : [];
  const values = await readValues(db, ids);
  const narratives = await readNarratives(db, ids);
  const progress = await readTaskProgress(db, ids);
  return {
    period,
    unit: { id: unit.id, name: unit.name, code: unit.code },
    // Only what the unit reports, numbered as in the plan.
    measures: planFor(plan, unit).goals.flatMap((g) =>
      g.indicators.flatMap((i) =>
        i.measures.map((m) => ({
          id: m.id,
          code: m.code,
          name: m.name,
          goalCode: g.code,
          indicatorCode: i.code,
          unitLabel: m.unitLabel,
          valueKind: m.valueKind,
          rateFactor: m.rateFactor,
          target: targetFor(m, period.year),
          breakdown: m.breakdown ? { name: m.breakdown.name, combos: m.breakdown.combos.map((c) => ({ id: c.id, key: c.key, label: c.label })) } : null,
          numeratorLabel: m.numeratorLabel,
          allowsNegative: m.allowsNegative,
          displayDecimals: m.displayDecimals,
          denominatorLabel: m.denominatorLabel,
        })),
      ),
    ),
    tasks: duties.tasks.map((t) => ({ id: t.id, key: taskKey(t), content: t.content, role: t.role, timeframe: t.timeframe })),
    report: report ? { id: report.id, revision: report.revision, source: report.source, status: report.status, receivedAt: report.receivedAt, fileName: report.fileName } : null,
    values: values.map((v) => ({
      measureId: v.measureId,
      ...(v.optionComboId !== TOTAL_COMBO ? { optionComboId: v.optionComboId } : {}),
      numerator: v.numerator,
      denominator: v.denominator,
      value: v.value,
      textValue: v.textValue,
      note: v.note,
    })),
    narratives: Object.fromEntries(narratives.map((n) => [n.section, n.body])),
    taskProgress: Object.fromEntries(progress.map(({ reportId: _r, ...p }) => [p.taskId, p])),
    lock: await entryLock(db, period.id, unit.id, unit.name),
  };
}

const isEmpty = (v: Omit<EntryValue, 'measureId'>) => v.numerator === null && v.denominator === null && v.value === null && !v.textValue && !v.note;
const valuesOf = (v: Omit<EntryValue, 'measureId'> | undefined) => (v && !isEmpty(v) ? { numerator: v.numerator, denominator: v.denominator, value: v.value, textValue: v.textValue, note: v.note } : null);

export async function saveEntry(db: Db, ctx: BackendContext, args: ApiParsedArgs<'report-entry-save'>): Promise<{ reportId: number; revision: number; savedAt: string }> {
  const { period, unit, plan, duties } = await entryContext(db, args.periodId, args.unitId);
  await assertReportOpen(db, period.id, unit.id, unit.name, 'sửa số liệu');
  const measures = new Map(duties.measures.map((m) => [m.id, m]));
  const inPlan = new Map(planMeasures(plan).map((m) => [m.id, m]));
  const taskIds = new Set(duties.tasks.map((t) => t.id));
  // Every value is checked by the same rules as a received file; one bad value saves nothing.
  const byMeasure = new Map<number, Map<number, StoredValue>>();
  for (const v of args.values) {
    const m = measures.get(v.measureId);
    if (!m) {
      const other = inPlan.get(v.measureId);
      throw new UserError('validation', other ? `Chỉ tiêu ${other.code} không do ${unit.name} báo cáo (${REPORTERS[other.reporters].toLowerCase()}).` : `Chỉ số số ${v.measureId} không thuộc kế hoạch của kỳ "${period.name}".`);
    }
    const comboId = v.optionComboId ?? TOTAL_COMBO;
    const combo = comboId === TOTAL_COMBO ? null : m.breakdown?.combos.find((c) => c.id === comboId);
    if (comboId !== TOTAL_COMBO && !combo) throw new UserError('validation', `Chỉ tiêu ${m.code} không có nhóm phân tổ số ${comboId}.`);
    const problem = checkValue(m.valueKind, m.rateFactor, v, (n) => formatVnNumber(n), { allowsNegative: m.allowsNegative });
    if (problem) throw new UserError('validation', `Chỉ tiêu ${m.code}${combo ? ` (${combo.label})` : ''}: ${problem.message}.`);
    const value = m.valueKind === 'rate' && v.numerator !== null && v.denominator !== null ? rateValue(v.numerator, v.denominator, m.rateFactor!) : v.value;
    const combos = byMeasure.get(m.id) ?? new Map<number, StoredValue>();
    combos.set(comboId, { ...v, measureId: m.id, optionComboId: comboId, value });
    byMeasure.set(m.id, combos);
  }
  for (const p of args.taskProgress ?? []) {
    if (!taskIds.has(p.taskId)) throw new UserError('validation', `Nhiệm vụ số ${p.taskId} không giao cho ${unit.name}.`);
  }
  const savedAt = nowIso(ctx);
  return db.transaction().execute(async (trx) => {
    const current = await currentReport(trx, period.id, unit.id);
    // A typed report is edited in place; a received file (or an approved report) stays as it was.
    const editable = current && current.source === 'typed' && current.status !== 'approved';
    const { reportId, revision } = editable
      ? { reportId: current.id, revision: current.revision }
      : await startRevision(trx, { periodId: period.id, unitId: unit.id, source: 'typed', status: 'valid', receivedAt: savedAt, copyFrom: current?.id });
    for (const [measureId, changed] of byMeasure) {
      const m = measures.get(measureId)!;
      const stored = new Map<number, StoredValue>((await readValues(trx, [reportId], { measureId })).map(({ reportId: _r, ...v }) => [v.optionComboId, v]));
      const next = new Map(stored);
      for (const [comboId, v] of changed) next.set(comboId, v);
      if (m.breakdown) {
        // Parts and total follow the rules of a received file: the total is the parts' when they exist.
        // A total not typed in this change is the stored one: re-derived from the parts, not checked against them.
        const total = next.get(TOTAL_COMBO) ?? null;
        const typedTotal = changed.has(TOTAL_COMBO) ? total : total && { ...total, numerator: null, denominator: null, value: null };
        const parts = m.breakdown.combos.map((c) => next.get(c.id) ?? null);
        const result = reconcileBreakdown(m.valueKind === 'rate' ? m.rateFactor : null, parts.some(Boolean) ? typedTotal : total, parts);
        if (result.kind === 'mismatch') throw new UserError('validation', `Chỉ tiêu ${m.code} (${m.name}): ${mismatchText(result, m.valueKind === 'rate')}.`);
        if (result.kind === 'parts') next.set(TOTAL_COMBO, { measureId, optionComboId: TOTAL_COMBO, ...result.total, textValue: null, note: total?.note ?? null });
      }
      const rows = [...next.values()].filter((v) => !isEmpty(v));
      await replaceMeasureValues(trx, reportId, measureId, rows);
      // One line in the audit trail per value that changed (the total, or one part).
      for (const comboId of new Set([...stored.keys(), ...next.keys()])) {
        const was = valuesOf(stored.get(comboId));
        const after = valuesOf(next.get(comboId));
        if (JSON.stringify(was) === JSON.stringify(after)) continue;
        const key = m.breakdown?.combos.find((c) => c.id === comboId)?.key;
        await audit(trx, ctx, { entity: 'report', entityId: reportId, action: valueAction(m.code, key), before: was ?? undefined, after: after ?? undefined });
      }
    }
    // Narratives and task progress are overwritten in place: what they said before goes to the audit trail.
    const textsBefore = new Map((await readNarratives(trx, [reportId])).map((n) => [n.section, n.body]));
    const progressBefore = new Map((await readTaskProgress(trx, [reportId])).map(({ reportId: _r, ...p }) => [p.taskId, p]));
    await writeNarratives(trx, reportId, args.narratives ?? {});
    await writeTaskProgress(trx, reportId, args.taskProgress ?? []);
    for (const [section, body] of Object.entries(args.narratives ?? {})) {
      if ((textsBefore.get(section) ?? '') !== body) await audit(trx, ctx, { entity: 'report', entityId: reportId, action: `narrative ${section}`, before: textsBefore.get(section) ?? null, after: body });
    }
    const progressAfter = new Map((await readTaskProgress(trx, [reportId])).map(({ reportId: _r, ...p }) => [p.taskId, p]));
    for (const p of args.taskProgress ?? []) {
      const was = progressBefore.get(p.taskId) ?? null;
      const now = progressAfter.get(p.taskId) ?? null;
      if (JSON.stringify(was) !== JSON.stringify(now)) await audit(trx, ctx, { entity: 'report', entityId: reportId, action: `task ${p.taskId}`, before: was, after: now });
    }
    // The figures to check are worked out again from the whole report, named by the grid's cells.
    const all = (await readValues(trx, [reportId])).map(({ reportId: _r, ...v }) => v);
    await setWarnings(trx, reportId, await typedWarnings(trx, period, unit.id, planMeasures(planFor(plan, unit)), all));
    return { reportId, revision, savedAt };
  });
}

/** The audit trail's name for a typed change of a value: `value 9`, or `value 9/NAM/U6` for a part. */
export function valueAction(measureCode: string, comboKey?: string): string {
  return comboKey ? `value ${partKey(measureCode, comboKey.split('/'))}` : `value ${measureCode}`;
}

async function entryLock(db: Db, periodId: number, unitId: number, unitName: string): Promise<ReportEntry['lock']> {
  const period = await periodLock(db, periodId);
  if (period) return { kind: 'period', message: period };
  const report = await reportLock(db, periodId, unitId, unitName);
  return report ? { kind: 'report', message: report } : null;
}

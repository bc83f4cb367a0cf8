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
import { TOTAL_COMBO, currentReport, readNarratives, readTaskProgress, readValues, replaceMeasureValues, startRevision, writeNarratives, writeTaskProgress } from '../db/report-store';
import { nowIso, type BackendContext } from '../context';
import { UserError } from '../errors';
import { targetFor, taskKey } from '../templates/write-template';
import { audit } from './audit';
import { assertReportOpen, periodLock, reportLock } from './locks';
import { getPeriod, periodTree } from './periods';
import { getPlan } from './plans';
import { unitTasks } from './templates';

async function entryContext(db: Db, periodId: number, unitId: number) {
  const period = await getPeriod(db, periodId);
  const unit = (await periodTree(db, period)).find((u) => u.id === unitId);
  if (!unit) throw new UserError('validation', `Đơn vị số ${unitId} không thuộc danh sách đơn vị báo cáo của kỳ "${period.name}".`);
  const plan = await getPlan(db, period.planId, period.dataTo);
  return { period, unit, plan };
}

export async function getEntry(db: Db, periodId: number, unitId: number): Promise<ReportEntry> {
  const { period, unit, plan } = await entryContext(db, periodId, unitId);
  const report = await currentReport(db, periodId, unitId);
  const ids = report ? [report.id] : [];
  const values = await readValues(db, ids, { totalsOnly: true });
  const narratives = await readNarratives(db, ids);
  const progress = await readTaskProgress(db, ids);
  return {
    period,
    unit: { id: unit.id, name: unit.name, code: unit.code },
    measures: plan.goals.flatMap((g) =>
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
        })),
      ),
    ),
    tasks: (await unitTasks(db, plan.tasks, unit.id)).map((t) => ({ id: t.id, key: taskKey(t), content: t.content, role: t.role, timeframe: t.timeframe })),
    report: report ? { id: report.id, revision: report.revision, source: report.source, status: report.status, receivedAt: report.receivedAt, fileName: report.fileName } : null,
    values: values.map((v) => ({ measureId: v.measureId, numerator: v.numerator, denominator: v.denominator, value: v.value, textValue: v.textValue, note: v.note })),
    narratives: Object.fromEntries(narratives.map((n) => [n.section, n.body])),
    taskProgress: Object.fromEntries(progress.map((p) => [p.taskId, p.progress])),
    lock: await entryLock(db, period.id, unit.id, unit.name),
  };
}

const isEmpty = (v: EntryValue) => v.numerator === null && v.denominator === null && v.value === null && !v.textValue && !v.note;

export async function saveEntry(db: Db, ctx: BackendContext, args: ApiParsedArgs<'report-entry-save'>): Promise<{ reportId: number; revision: number; savedAt: string }> {
  const { period, unit, plan } = await entryContext(db, args.periodId, args.unitId);
  await assertReportOpen(db, period.id, unit.id, unit.name, 'sửa số liệu');
  const measures = new Map(planMeasures(plan).map((m) => [m.id, m]));
  const taskIds = new Set((await unitTasks(db, plan.tasks, unit.id)).map((t) => t.id));
  // Every value is checked by the same rules as a received file; one bad value saves nothing.
  const values = args.values.map((v) => {
    const m = measures.get(v.measureId);
    if (!m) throw new UserError('validation', `Chỉ số số ${v.measureId} không thuộc kế hoạch của kỳ "${period.name}".`);
    const problem = checkValue(m.valueKind, m.rateFactor, v, (n) => formatVnNumber(n));
    if (problem) throw new UserError('validation', `Chỉ tiêu ${m.code}: ${problem.message}.`);
    const value = m.valueKind === 'rate' && v.numerator !== null && v.denominator !== null ? rateValue(v.numerator, v.denominator, m.rateFactor!) : v.value;
    return { ...v, value, code: m.code };
  });
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
    for (const v of values) {
      const stored = isEmpty(v) ? [] : [{ ...v, optionComboId: TOTAL_COMBO }];
      const before = (await replaceMeasureValues(trx, reportId, v.measureId, stored)).find((x) => x.optionComboId === TOTAL_COMBO);
      const after = isEmpty(v) ? null : { numerator: v.numerator, denominator: v.denominator, value: v.value, textValue: v.textValue, note: v.note };
      const was = before ? { numerator: before.numerator, denominator: before.denominator, value: before.value, textValue: before.textValue, note: before.note } : null;
      if (JSON.stringify(was) !== JSON.stringify(after)) {
        await audit(trx, ctx, { entity: 'report', entityId: reportId, action: `value ${v.code}`, before: was ?? undefined, after: after ?? undefined });
      }
    }
    await writeNarratives(trx, reportId, args.narratives ?? {});
    await writeTaskProgress(trx, reportId, args.taskProgress ?? []);
    return { reportId, revision, savedAt };
  });
}

async function entryLock(db: Db, periodId: number, unitId: number, unitName: string): Promise<ReportEntry['lock']> {
  const period = await periodLock(db, periodId);
  if (period) return { kind: 'period', message: period };
  const report = await reportLock(db, periodId, unitId, unitName);
  return report ? { kind: 'report', message: report } : null;
}

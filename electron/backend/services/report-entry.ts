/**
 * Typed-in reports (paper, phone): the grid reads a unit's current report and saves changed
 * values. A typed report is edited in place; the first edit of a report that came from a file
 * (or was approved) starts a new revision, so the received file stays as it was.
 */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { EntryValue, ReportEntry } from '../../../shared/api/types';
import { checkValue, rateValue } from '../../../shared/domain/value-rules';
import { formatVnNumber } from '../../../shared/domain/vn-number';
import type { Db } from '../db/connection';
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
  const report = await db.selectFrom('report').selectAll().where('period_id', '=', periodId).where('unit_id', '=', unitId).where('is_current', '=', 1).executeTakeFirst();
  const values = report
    ? await db.selectFrom('report_value').selectAll().where('report_id', '=', report.id).where('option_combo_id', '=', 1).execute()
    : [];
  const narratives = report ? await db.selectFrom('report_narrative').selectAll().where('report_id', '=', report.id).execute() : [];
  const progress = report ? await db.selectFrom('report_task_progress').selectAll().where('report_id', '=', report.id).execute() : [];
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
    report: report
      ? { id: report.id, revision: report.revision, source: report.source as 'file' | 'typed' | 'merge', status: report.status, receivedAt: report.received_at, fileName: report.file_name }
      : null,
    values: values.map((v) => ({ measureId: v.measure_id, numerator: v.numerator, denominator: v.denominator, value: v.value, textValue: v.text_value, note: v.note })),
    narratives: Object.fromEntries(narratives.map((n) => [n.section, n.body])),
    taskProgress: Object.fromEntries(progress.map((p) => [p.task_id, p.progress])),
    lock: await entryLock(db, period.id, unit.id, unit.name),
  };
}

const isEmpty = (v: EntryValue) => v.numerator === null && v.denominator === null && v.value === null && !v.textValue && !v.note;

export async function saveEntry(db: Db, ctx: BackendContext, args: ApiParsedArgs<'report-entry-save'>): Promise<{ reportId: number; revision: number; savedAt: string }> {
  const { period, unit, plan } = await entryContext(db, args.periodId, args.unitId);
  await assertReportOpen(db, period.id, unit.id, unit.name, 'sửa số liệu');
  const measures = new Map(plan.goals.flatMap((g) => g.indicators.flatMap((i) => i.measures)).map((m) => [m.id, m]));
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
    let report = await trx.selectFrom('report').selectAll().where('period_id', '=', period.id).where('unit_id', '=', unit.id).where('is_current', '=', 1).executeTakeFirst();
    if (!report || report.source !== 'typed' || report.status === 'approved') {
      const revision = (report?.revision ?? 0) + 1;
      if (report) await trx.updateTable('report').set({ is_current: 0 }).where('id', '=', report.id).execute();
      const { id } = await trx
        .insertInto('report')
        .values({ period_id: period.id, unit_id: unit.id, revision, is_current: 1, status: 'valid', source: 'typed', received_at: savedAt, file_name: null, file_sha256: null, file_bytes: null, warnings_json: '[]', approved_at: null, approved_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (report) {
        // Start from the earlier revision's content; it stays untouched as history.
        await trx
          .insertInto('report_value')
          .columns(['report_id', 'measure_id', 'option_combo_id', 'numerator', 'denominator', 'value', 'text_value', 'note'])
          .expression((eb) =>
            eb.selectFrom('report_value').select([eb.val(id).as('report_id'), 'measure_id', 'option_combo_id', 'numerator', 'denominator', 'value', 'text_value', 'note']).where('report_id', '=', report!.id),
          )
          .execute();
        await trx
          .insertInto('report_narrative')
          .columns(['report_id', 'section', 'body'])
          .expression((eb) => eb.selectFrom('report_narrative').select([eb.val(id).as('report_id'), 'section', 'body']).where('report_id', '=', report!.id))
          .execute();
        await trx
          .insertInto('report_task_progress')
          .columns(['report_id', 'task_id', 'progress'])
          .expression((eb) => eb.selectFrom('report_task_progress').select([eb.val(id).as('report_id'), 'task_id', 'progress']).where('report_id', '=', report!.id))
          .execute();
      }
      report = (await trx.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    }
    const reportId = report.id;
    for (const v of values) {
      const before = await trx.selectFrom('report_value').selectAll().where('report_id', '=', reportId).where('measure_id', '=', v.measureId).where('option_combo_id', '=', 1).executeTakeFirst();
      await trx.deleteFrom('report_value').where('report_id', '=', reportId).where('measure_id', '=', v.measureId).where('option_combo_id', '=', 1).execute();
      if (!isEmpty(v)) {
        await trx
          .insertInto('report_value')
          .values({ report_id: reportId, measure_id: v.measureId, numerator: v.numerator, denominator: v.denominator, value: v.value, text_value: v.textValue, note: v.note })
          .execute();
      }
      const after = isEmpty(v) ? null : { numerator: v.numerator, denominator: v.denominator, value: v.value, textValue: v.textValue, note: v.note };
      const was = before ? { numerator: before.numerator, denominator: before.denominator, value: before.value, textValue: before.text_value, note: before.note } : null;
      if (JSON.stringify(was) !== JSON.stringify(after)) {
        await audit(trx, ctx, { entity: 'report', entityId: reportId, action: `value ${v.code}`, before: was ?? undefined, after: after ?? undefined });
      }
    }
    for (const [section, body] of Object.entries(args.narratives ?? {})) {
      await trx.deleteFrom('report_narrative').where('report_id', '=', reportId).where('section', '=', section).execute();
      if (body.trim()) await trx.insertInto('report_narrative').values({ report_id: reportId, section, body }).execute();
    }
    for (const p of args.taskProgress ?? []) {
      await trx.deleteFrom('report_task_progress').where('report_id', '=', reportId).where('task_id', '=', p.taskId).execute();
      if (p.progress.trim()) await trx.insertInto('report_task_progress').values({ report_id: reportId, task_id: p.taskId, progress: p.progress }).execute();
    }
    return { reportId, revision: report.revision, savedAt };
  });
}

async function entryLock(db: Db, periodId: number, unitId: number, unitName: string): Promise<ReportEntry['lock']> {
  const period = await periodLock(db, periodId);
  if (period) return { kind: 'period', message: period };
  const report = await reportLock(db, periodId, unitId, unitName);
  return report ? { kind: 'report', message: report } : null;
}

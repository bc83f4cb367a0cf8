/**
 * The review desk for one unit: what was wrong with its latest file (kept after the next import,
 * for as long as the unit has not sent a better one), the figures of its current report worth a
 * second look with the compiler's marks, each named by its indicator, its cell in the template
 * and its cell in the entry grid; and a text to send back to the unit.
 */
import type { ImportProblem, ReviewItem, UnitReview } from '../../../shared/api/types';
import { planFor, planMeasures } from '../../../shared/api/plan-shape';
import { gridCellOf } from '../../../shared/domain/entry-layout';
import { formatIsoDate } from '../../../shared/domain/org-units';
import { dueOnFor } from '../../../shared/domain/periods';
import { vietnamDay } from '../../../shared/domain/vietnam-time';
import type { Db } from '../db/connection';
import { TOTAL_COMBO, currentReport, currentReports, readWarningChecks, uncheckedWarnings, reportById, setApproval, setWarningCheck } from '../db/report-store';
import { nowIso, type BackendContext } from '../context';
import { UserError, notFound } from '../errors';
import { audit } from './audit';
import { assertPeriodOpen } from './locks';
import { getPeriod, periodTree } from './periods';
import { periodPlan } from './period-plan';
import { getSetting } from './settings';

export async function unitReview(db: Db, periodId: number, unitId: number): Promise<UnitReview> {
  const period = await getPeriod(db, periodId);
  const unit = (await periodTree(db, period)).find((u) => u.id === unitId);
  if (!unit) throw new UserError('validation', `Đơn vị số ${unitId} không thuộc danh sách đơn vị báo cáo của kỳ "${period.name}".`);
  const plan = await periodPlan(db, period);
  const inGrid = planMeasures(planFor(plan, unit));
  const inPlan = planMeasures(plan);
  const report = await currentReport(db, periodId, unitId);
  const attempt = await db
    .selectFrom('import_attempt')
    .select(['file_name', 'attempted_at', 'problems_json'])
    .where('period_id', '=', periodId)
    .where('unit_id', '=', unitId)
    .where('outcome', '=', 'rejected')
    .orderBy('attempted_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const checks = report ? await readWarningChecks(db, [report.id]) : [];

  const item = (p: ImportProblem, fileName: string | null, checkable: boolean): ReviewItem => {
    const m = p.at ? inPlan.find((x) => x.id === p.at!.measureId) : undefined;
    const part = p.at && p.at.optionComboId !== TOTAL_COMBO ? m?.breakdown?.combos.find((c) => c.id === p.at!.optionComboId) : undefined;
    const checked = checkable && p.check ? checks.find((c) => c.message === p.message) : undefined;
    return {
      severity: p.severity,
      message: p.message,
      detail: detailOf(p, fileName, p.at ? gridCellOf(inGrid, p.at) : null),
      measureCode: m?.code ?? null,
      measureName: m?.name ?? null,
      partLabel: part?.label ?? null,
      templateCell: p.cell,
      gridCell: p.at ? gridCellOf(inGrid, p.at) : null,
      ...(p.at ? { at: p.at } : {}),
      check: checkable && p.check ? (checked ? { checkedAt: checked.checkedAt, checkedBy: checked.checkedBy } : null) : undefined,
    };
  };
  // A refused file matters until the unit sends one that is received.
  const rejected = attempt && (!report || attempt.attempted_at > report.receivedAt) ? attempt : undefined;
  const review: UnitReview = {
    periodId,
    unitId,
    unitName: unit.name,
    rejected: rejected
      ? { fileName: rejected.file_name, at: rejected.attempted_at, items: (JSON.parse(rejected.problems_json) as ImportProblem[]).map((p) => item(p, rejected.file_name, false)) }
      : null,
    report: report
      ? { reportId: report.id, revision: report.revision, fileName: report.fileName, at: report.receivedAt, status: report.status, items: (report.warnings as ImportProblem[]).map((p) => item(p, report.fileName, true)) }
      : null,
    toCheck: 0,
    copyText: '',
  };
  review.toCheck = review.report?.items.filter((i) => i.check === null).length ?? 0;
  review.copyText = messageToUnit(review, period.name, dueOnFor(period, unit.kind));
  return review;
}


/** What is wrong, without the file's name and the cell in front (the review table has columns for them). */
function detailOf(p: ImportProblem, fileName: string | null, gridCell: string | null): string {
  let text = fileName && p.message.startsWith(`${fileName} › `) ? p.message.slice(fileName.length + 3) : fileName && p.message.startsWith(`${fileName}: `) ? p.message.slice(fileName.length + 2) : p.message;
  for (const cell of [p.cell, gridCell]) {
    const m = cell ? new RegExp(`^[^:›]+ › (ô )?${cell}: `).exec(text) : null;
    if (m) text = text.slice(m[0].length);
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One line of the list sent to the unit: which indicator, which cell of their file, what is wrong. */
export function lineFor(i: ReviewItem): string {
  const what = i.measureCode ? `Chỉ tiêu ${i.measureCode} (${i.measureName})${i.partLabel ? `, nhóm ${i.partLabel}` : ''}` : null;
  const where = i.templateCell ? `ô ${i.templateCell}` : null;
  // What is wrong, without a repeated "chỉ tiêu 1.3: ".
  let rest = i.detail;
  if (i.measureCode) rest = rest.replace(new RegExp(`^chỉ tiêu ${i.measureCode.replace(/[.]/g, '\\.')}:? `, 'i'), '');
  return [[what, where].filter(Boolean).join(', '), rest].filter(Boolean).join(': ');
}

/** A message to paste into an e-mail or a Zalo chat to the unit: what to correct and by when. */
export function messageToUnit(r: UnitReview, periodName: string, due: string | null): string {
  const lines: string[] = [`Kính gửi ${r.unitName},`];
  const by = due ? ` trước ngày ${formatIsoDate(due)}` : '';
  if (r.rejected) {
    const errors = r.rejected.items.filter((i) => i.severity === 'error');
    lines.push('', `Tệp báo cáo "${r.rejected.fileName}" (kỳ ${periodName}) gửi ngày ${formatIsoDate(vietnamDay(r.rejected.at))} chưa nhận được vì có ${errors.length} lỗi:`);
    errors.forEach((i, k) => lines.push(`${k + 1}. ${lineFor(i)}`));
    lines.push('', `Đề nghị đơn vị sửa các ô trên ngay trong tệp đó (giữ nguyên các trang và cột của biểu mẫu) và gửi lại${by}.`);
  }
  const toCheck = r.report?.items.filter((i) => i.check === null) ?? [];
  if (toCheck.length) {
    lines.push('', `${r.rejected ? 'Ngoài ra, trong' : 'Trong'} báo cáo đã nhận (lần ${r.report!.revision}), đề nghị đơn vị kiểm tra lại ${toCheck.length} số liệu sau và cho biết số đúng:`);
    toCheck.forEach((i, k) => lines.push(`${k + 1}. ${lineFor(i)}`));
  }
  if (!r.rejected && !toCheck.length) lines.push('', `Báo cáo kỳ ${periodName} của đơn vị đã được tiếp nhận, không có lỗi cần sửa.`);
  lines.push('', 'Trân trọng.');
  return lines.join('\n');
}

/** The compiler has looked at a figure's warning (or takes the mark back). */
export async function checkWarning(db: Db, ctx: BackendContext, args: { reportId: number; message: string; checked: boolean }): Promise<{ toCheck: number }> {
  const r = await reportById(db, args.reportId);
  if (!r) throw notFound(`báo cáo số ${args.reportId}`);
  const warning = (r.warnings as ImportProblem[]).find((w) => w.message === args.message && w.check);
  if (!warning) throw new UserError('validation', 'Cảnh báo này không còn trong báo cáo (báo cáo có thể vừa được sửa); hãy tải lại trang.');
  await assertPeriodOpen(db, r.periodId, 'đánh dấu đã kiểm tra');
  const by = await getSetting(db, 'userName');
  await db.transaction().execute(async (trx) => {
    await setWarningCheck(trx, r.id, args.message, args.checked ? { at: nowIso(ctx), by } : null);
    await audit(trx, ctx, { entity: 'report', entityId: r.id, action: args.checked ? 'check warning' : 'uncheck warning', after: { message: args.message } });
  });
  return { toCheck: (await uncheckedWarnings(db, [r])).get(r.id)!.length };
}

/**
 * "Duyệt tất cả báo cáo hợp lệ": approves every current report of the period that has nothing
 * left to look at — status valid, or received with every warning checked. The others are named.
 */
export async function approveAllValid(db: Db, ctx: BackendContext, periodId: number): Promise<{ approved: string[]; left: { unitName: string; reason: string }[] }> {
  const period = await getPeriod(db, periodId);
  await assertPeriodOpen(db, period.id, 'duyệt báo cáo');
  const names = new Map((await periodTree(db, period)).map((u) => [u.id, u.name]));
  const by = await getSetting(db, 'userName');
  const at = nowIso(ctx);
  const approved: string[] = [];
  const left: { unitName: string; reason: string }[] = [];
  await db.transaction().execute(async (trx) => {
    const reports = await currentReports(trx, periodId);
    const unchecked = await uncheckedWarnings(trx, reports);
    for (const r of reports) {
      if (r.status === 'approved' || !names.has(r.unitId)) continue;
      const n = unchecked.get(r.id)!.length;
      const otherWarnings = (r.warnings as ImportProblem[]).some((w) => w.severity === 'warning' && !w.check);
      if (n > 0 || otherWarnings) {
        left.push({ unitName: names.get(r.unitId)!, reason: n > 0 ? `còn ${n} số liệu chưa kiểm tra` : 'có cảnh báo cần xem (dòng bị bỏ qua, bố cục khác)' });
        continue;
      }
      await setApproval(trx, r.id, { status: 'approved', at, by });
      await audit(trx, ctx, { entity: 'report', entityId: r.id, action: 'approve', before: { status: r.status }, after: { status: 'approved' }, reason: 'Duyệt tất cả báo cáo hợp lệ' });
      approved.push(names.get(r.unitId)!);
    }
  });
  return { approved, left };
}

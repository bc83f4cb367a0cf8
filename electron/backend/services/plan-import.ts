/** Importing a plan's indicator table from an .xlsx/.xls file: preview, then commit in one transaction. */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { PlanImportPreview, PlanSummary } from '../../../shared/api/types';
import type { Db } from '../db/connection';
import { nowIso, type BackendContext } from '../context';
import { UserError } from '../errors';
import { matchLeadUnit, readPlanSheet, type PlanSheetResult } from '../import/plan-sheet';
import { parseWorkbook } from '../workers/parse-workbook';
import { audit } from './audit';
import { listPlans } from './plans';
import { listUnits, todayIso } from './units';

export function decodeUpload(dataBase64: string, fileName: string): Uint8Array {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw new UserError('validation', `${fileName}: tệp rỗng.`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function readPlanFile(fileName: string, dataBase64: string): Promise<PlanSheetResult> {
  if (!/\.(xlsx|xlsm|xls|ods)$/i.test(fileName)) {
    throw new UserError('validation', `${fileName}: chỉ nhận tệp Excel (.xlsx, .xls) hoặc .ods.`);
  }
  const workbook = await parseWorkbook(decodeUpload(dataBase64, fileName), fileName);
  const result = readPlanSheet(workbook.sheets);
  if (!('goals' in result)) throw new UserError('validation', `${fileName}: ${result.problems.map((p) => p.message).join(' ')}`);
  return result;
}

export async function previewPlanImport(args: ApiParsedArgs<'plan-import-preview'>): Promise<PlanImportPreview> {
  const result = await readPlanFile(args.fileName, args.dataBase64);
  return { ...result, fileName: args.fileName };
}

export async function commitPlanImport(db: Db, ctx: BackendContext, args: ApiParsedArgs<'plan-import-commit'>): Promise<PlanSummary> {
  const result = await readPlanFile(args.fileName, args.dataBase64);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new UserError('validation', `${args.fileName} › ${result.sheetName}: còn ${errors.length} lỗi, chưa nhập. ${errors.slice(0, 5).map((e) => e.message).join(' ')}`);
  }
  if (result.measureCount === 0) throw new UserError('validation', `${args.fileName} › ${result.sheetName}: không có chỉ số nào để nhập.`);
  const plan = args.plan;
  if (plan.yearTo < plan.yearFrom) throw new UserError('validation', `Năm kết thúc (${plan.yearTo}) không được trước năm bắt đầu (${plan.yearFrom}).`);
  const units = await listUnits(db, todayIso(ctx));
  const now = nowIso(ctx);
  const planId = await db.transaction().execute(async (trx) => {
    const { id: planId } = await trx
      .insertInto('plan')
      .values({
        number: plan.number,
        title: plan.title,
        issuer_name: plan.issuerName,
        issued_on: plan.issuedOn,
        year_from: plan.yearFrom,
        year_to: plan.yearTo,
        parent_plan_id: plan.parentPlanId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [gi, goal] of result.goals.entries()) {
      const { id: goalId } = await trx.insertInto('goal').values({ plan_id: planId, position: gi + 1, code: goal.code, title: goal.title }).returning('id').executeTakeFirstOrThrow();
      for (const [ii, ind] of goal.indicators.entries()) {
        const { id: indicatorId } = await trx
          .insertInto('indicator')
          .values({ goal_id: goalId, position: ii + 1, code: ind.code, title: ind.title })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const [mi, m] of ind.measures.entries()) {
          const leadUnitId = matchLeadUnit(m.leadText, units);
          const { id: measureId } = await trx
            .insertInto('measure')
            .values({
              indicator_id: indicatorId,
              position: mi + 1,
              code: ind.measures.length === 1 ? ind.code : `${ind.code}.${mi + 1}`,
              name: m.name,
              unit_label: m.unitLabel,
              value_kind: m.valueKind,
              rate_factor: m.rateFactor,
              direction: m.direction,
              rollup: m.rollup,
              lead_unit_id: leadUnitId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          for (const t of m.targets) {
            await trx
              .insertInto('target')
              .values({ measure_id: measureId, year: t.year, is_phase_end: t.isPhaseEnd ? 1 : 0, value: t.value, value_max: t.valueMax, text: t.text })
              .onConflict((oc) => oc.columns(['measure_id', 'year', 'is_phase_end']).doNothing())
              .execute();
          }
        }
      }
    }
    await audit(trx, ctx, { entity: 'plan', entityId: planId, action: 'import', after: { fileName: args.fileName, sheet: result.sheetName, measures: result.measureCount } });
    return planId;
  });
  return (await listPlans(db)).find((p) => p.id === planId)!;
}

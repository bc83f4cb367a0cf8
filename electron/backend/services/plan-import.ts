/** Importing a plan's indicator table from an .xlsx/.xls file: preview, then commit in one transaction. */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { PlanImportPreview, PlanSummary } from '../../../shared/api/types';
import { isSpreadsheetName } from '../../../shared/domain/spreadsheet-files';
import type { Db } from '../db/connection';
import { nowIso, type BackendContext } from '../context';
import { UserError } from '../errors';
import { matchLeadUnit, readPlanSheet, type PlanSheetResult } from '../import/plan-sheet';
import { parseWorkbook } from '../workers/parse-workbook';
import { audit } from './audit';
import { checkPlanFields, listPlans } from './plans';
import { insertGoals, insertPlanRow } from './plan-writer';
import { listUnits, todayIso } from './units';

export function decodeUpload(dataBase64: string, fileName: string): Uint8Array {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw new UserError('validation', `${fileName}: tệp rỗng.`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function readPlanFile(fileName: string, dataBase64: string): Promise<PlanSheetResult> {
  if (!isSpreadsheetName(fileName)) {
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
  checkPlanFields(plan);
  const units = await listUnits(db, todayIso(ctx));
  const now = nowIso(ctx);
  const planId = await db.transaction().execute(async (trx) => {
    const planId = await insertPlanRow(trx, now, plan);
    await insertGoals(
      trx,
      planId,
      result.goals.map((g) => ({
        ...g,
        indicators: g.indicators.map((i) => ({ ...i, measures: i.measures.map((m) => ({ ...m, leadUnitId: matchLeadUnit(m.leadText, units) })) })),
      })),
    );
    await audit(trx, ctx, { entity: 'plan', entityId: planId, action: 'import', after: { fileName: args.fileName, sheet: result.sheetName, measures: result.measureCount } });
    return planId;
  });
  return (await listPlans(db)).find((p) => p.id === planId)!;
}

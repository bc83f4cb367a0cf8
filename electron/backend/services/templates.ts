/** Templates out: one .xlsx per expected unit of a period, or all of them in one .zip. */
import type { FileDownload, UnitDto } from '../../../shared/api/types';
import { planFor } from '../../../shared/api/plan-shape';
import type { Db } from '../db/connection';
import { nowIso, type BackendContext } from '../context';
import { UserError } from '../errors';
import { fold } from '../import/plan-sheet';
import { buildTemplate, type TemplateInput } from '../templates/write-template';
import { writeZip } from '../xlsx/zip';
import { expectedUnits, getPeriod, periodTree } from './periods';
import { periodPlan } from './period-plan';
import { dutiesIn, owesAnything } from './duties';

async function templatesOf(db: Db, ctx: BackendContext, periodId: number, only?: number, filled?: TemplateInput['filled']): Promise<{ unit: UnitDto; fileName: string; bytes: Buffer }[]> {
  const period = await getPeriod(db, periodId);
  const plan = await periodPlan(db, period);
  if (plan.measureCount === 0 && plan.taskCount === 0) throw new UserError('validation', `Kế hoạch của kỳ "${period.name}" chưa có chỉ tiêu hay nhiệm vụ nào; hãy thêm trước khi xuất biểu mẫu.`);
  const duties = dutiesIn(plan);
  // All expected units (those that owe something), or one unit anywhere in the period's tree (a commune under a 2024 district).
  const chosen = only === undefined ? await expectedUnits(db, period) : (await periodTree(db, period)).filter((u) => u.id === only);
  if (only !== undefined && chosen.length === 0) throw new UserError('validation', `Đơn vị số ${only} không thuộc danh sách đơn vị báo cáo của kỳ "${period.name}".`);
  if (only !== undefined && !owesAnything(duties(chosen[0]!))) {
    throw new UserError('validation', `${chosen[0]!.name} không phải báo cáo chỉ tiêu hay nhiệm vụ nào của kế hoạch "${plan.title}" nên không có biểu mẫu.`);
  }
  if (chosen.length === 0) throw new UserError('validation', `Kỳ "${period.name}" chưa có đơn vị báo cáo nào (không đơn vị trực thuộc nào phải báo cáo chỉ tiêu hay nhiệm vụ của kế hoạch).`);
  const generatedAt = nowIso(ctx);
  const out = [];
  for (const unit of chosen) {
    const own = duties(unit);
    const built = buildTemplate({ plan: planFor(plan, unit), period, unit, tasks: own.tasks, generatedAt, filled });
    out.push({ unit, fileName: built.fileName, bytes: built.bytes });
  }
  return out;
}

export async function templateForUnit(db: Db, ctx: BackendContext, periodId: number, unitId: number, filled?: TemplateInput['filled']): Promise<{ fileName: string; bytes: Buffer }> {
  const [t] = await templatesOf(db, ctx, periodId, unitId, filled);
  return t!;
}

export async function templatesForPeriod(db: Db, ctx: BackendContext, periodId: number): Promise<{ fileName: string; bytes: Buffer }[]> {
  return templatesOf(db, ctx, periodId);
}

/** All templates of a period in one .zip (entry names without diacritics: zip tools differ on Unicode names). */
export async function templatesZip(db: Db, ctx: BackendContext, periodId: number): Promise<FileDownload & { count: number }> {
  const period = await getPeriod(db, periodId);
  const files = await templatesOf(db, ctx, periodId);
  // The templates are zips already: stored, not deflated again.
  const bytes = writeZip(files.map((f) => ({ name: asciiName(f.fileName), data: f.bytes })), 0);
  return { fileName: `Bieu mau - ${asciiName(period.name)}.zip`, dataBase64: bytes.toString('base64'), count: files.length };
}

function asciiName(s: string): string {
  return fold(s)
    .replace(/(^|[\s-])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/[^A-Za-z0-9 .()_-]/g, '-');
}

/**
 * Filled files in. Each file is one transaction: all of it or nothing. A file with errors writes
 * no report (only a line in the import log, so the home screen can say "có lỗi"); re-importing
 * a unit's report waits for the user's confirmation and keeps the earlier revision.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { ImportFileResult, ImportProblem, PeriodDto, PlanDetail, ReportDto, UnitDto } from '../../../shared/api/types';
import { planMeasures } from '../../../shared/api/plan-shape';
import { isSpreadsheetName, onlySpreadsheets } from '../../../shared/domain/spreadsheet-files';
import type { Db } from '../db/connection';
import { TOTAL_COMBO, currentReport, readNarratives, readTaskProgress, readValues, reportById, revisionsOf, setApproval, startRevision, type Trx, writeNarratives, writeTaskProgress, writeValues } from '../db/report-store';
import { nowIso, type BackendContext } from '../context';
import { UserError, notFound } from '../errors';
import { fold } from '../import/plan-sheet';
import { MEASURE_HEADER_ROW, SHEETS, layoutChecksum } from '../templates/layout';
import { measureCodeOf, measuresSheet, readMeta, readReport, unitNameInHeader, type ReadReport } from '../templates/read-report';
import { taskKey, templateRowKeys } from '../templates/write-template';
import { parseWorkbook } from '../workers/parse-workbook';
import type { ParsedWorkbook } from '../workers/workbook-types';
import { audit } from './audit';
import { sentBytes } from './uploads';
import { assertPeriodOpen, reportLock } from './locks';
import { getSetting } from './settings';
import { getPeriod, periodTree } from './periods';
import { periodPlan } from './period-plan';
import { dutiesIn } from './duties';
import { jumpWarnings } from './figure-warnings';
import { logError } from './error-log';
import { StorageError, classifyStorageError } from '../db/storage-error';

interface Target {
  period: PeriodDto;
  unit: UnitDto;
}

class Rejection extends Error {
  constructor(readonly problems: ImportProblem[], readonly target: Partial<Target> = {}, readonly otherPeriod?: { id: number; name: string }) {
    super(problems.map((p) => p.message).join(' '));
  }
}

const fileProblem = (message: string): ImportProblem => ({ severity: 'error', row: null, cell: null, message });

type Parsed = { workbook: ParsedWorkbook } | { error: unknown };

const parseFile = (bytes: Uint8Array, fileName: string, missing?: Error): Promise<Parsed> =>
  missing ? Promise.resolve({ error: missing }) : isSpreadsheetName(fileName) ? parseWorkbook(bytes, fileName).then((workbook) => ({ workbook }), (error: unknown) => ({ error })) : Promise.resolve({ error: null });

export async function importReportFiles(db: Db, ctx: BackendContext, args: ApiParsedArgs<'report-import'>): Promise<ImportFileResult[]> {
  const files = args.files.map((f) => {
    try {
      return { fileName: f.fileName, bytes: sentBytes(ctx.uploads, f) };
    } catch (e) {
      // A staged file that expired: that file is refused, the others go on.
      return { fileName: f.fileName, bytes: Buffer.alloc(0), missing: e as Error };
    }
  });
  // Every file goes to the worker at once: it parses the next ones while this thread checks the current one.
  const parsed = files.map((f) => parseFile(f.bytes, f.fileName, f.missing));
  const scopes = new PeriodScopes(db);
  const checked: Checked[] = [];
  for (const [i, file] of files.entries()) checked.push(await checkOne(db, ctx, scopes, file.fileName, file.bytes, parsed[i]!, args));
  // The call's files are stored with one commit (on disk before the answer, as each was before),
  // each in its own savepoint: a file that cannot be stored leaves the others as they are.
  return db.transaction().execute(async (trx) => {
    const results: ImportFileResult[] = [];
    for (const c of checked) {
      if ('store' in c) results.push(await inSavepoint(trx, () => storeOne(trx, ctx, c.store, args), (e) => rejected(trx, ctx, c.store.base, e, c.store)));
      else results.push('answer' in c ? c.answer : await rejected(trx, ctx, c.base, c.refused));
    }
    return results;
  });
}

/** Runs `store` in a savepoint; on failure the savepoint is rolled back and `fail` answers for the file. */
async function inSavepoint<T>(trx: Trx, store: () => Promise<T>, fail: (e: unknown) => Promise<T>): Promise<T> {
  await sql`SAVEPOINT import_file`.execute(trx);
  try {
    const result = await store();
    await sql`RELEASE import_file`.execute(trx);
    return result;
  } catch (e) {
    await sql`ROLLBACK TO import_file`.execute(trx);
    await sql`RELEASE import_file`.execute(trx);
    return fail(e);
  }
}

/**
 * What each file of one call needs about its period, read once for all of them (a batch is
 * usually one period): the period, the units reporting in it, its plan and who owes what. At
 * national size reading these costs more than checking a file.
 */
class PeriodScopes {
  private readonly periods = new Map<number, Promise<PeriodDto>>();
  private readonly trees = new Map<number, Promise<UnitDto[]>>();
  private readonly duties = new Map<number, Promise<ReturnType<typeof dutiesIn>>>();
  private readonly plans = new Map<number, Promise<PlanDetail>>();

  constructor(private readonly db: Db) {}

  period(id: number): Promise<PeriodDto> {
    return once(this.periods, id, () => getPeriod(this.db, id));
  }

  units(period: PeriodDto): Promise<UnitDto[]> {
    return once(this.trees, period.id, () => periodTree(this.db, period));
  }

  plan(period: PeriodDto): Promise<PlanDetail> {
    return once(this.plans, period.id, () => periodPlan(this.db, period));
  }

  dutiesOf(period: PeriodDto): Promise<ReturnType<typeof dutiesIn>> {
    return once(this.duties, period.id, async () => dutiesIn(await this.plan(period)));
  }
}

function once<T>(memo: Map<number, Promise<T>>, key: number, read: () => Promise<T>): Promise<T> {
  let hit = memo.get(key);
  if (!hit) {
    hit = read();
    // A failed read is not kept: the next file asks again (and gets its own message).
    hit.catch(() => memo.delete(key));
    memo.set(key, hit);
  }
  return hit;
}

type BaseResult = Omit<ImportFileResult, 'outcome' | 'problems'>;

/** A file checked and ready to store, with what storing it needs. */
interface ToStore {
  base: BaseResult;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  period: PeriodDto;
  unit: UnitDto;
  read: ReadReport;
  taskIds: Map<string, number>;
}

/** A file's check: ready to store, its answer (a question for the user), or its refusal (which also goes to the import log). */
type Checked = { store: ToStore } | { answer: ImportFileResult } | { refused: Rejection; base: BaseResult };

/** A full disk, a read-only folder: not one file's fault, and every other file would fail the same way. */
const isStorageFailure = (ctx: BackendContext, caught: unknown) => caught instanceof StorageError || classifyStorageError(caught, ctx.dbPath) instanceof StorageError;

async function checkOne(db: Db, ctx: BackendContext, scopes: PeriodScopes, fileName: string, bytes: Uint8Array, parsed: Promise<Parsed>, args: ApiParsedArgs<'report-import'>): Promise<Checked> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base: BaseResult = { fileName, sha256, periodId: null, periodName: null, unitId: null, unitName: null, reportId: null, revision: null, current: null };
  try {
    if (!isSpreadsheetName(fileName)) throw new Rejection([fileProblem(wrongExtension(fileName))]);
    let workbook;
    try {
      const p = await parsed;
      if ('error' in p) throw p.error;
      workbook = p.workbook;
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      // Unreadable: say whose it probably was (by file name), so the home screen shows "có lỗi".
      const period = args.periodId !== undefined ? await scopes.period(args.periodId).catch(() => undefined) : undefined;
      const unit = period ? ((await guessUnit(await scopes.units(period), fileName)) ?? undefined) : undefined;
      throw new Rejection([fileProblem(e.message)], { period, unit });
    }
    const meta = readMeta(workbook.sheets);
    if (!meta) {
      const notOurs = notAReport(fileName, workbook);
      if (notOurs) throw new Rejection([fileProblem(notOurs)]);
    }
    const target = await identify(scopes, fileName, meta, args, unitNameInHeader(workbook));
    if ('needsConfirmation' in target) {
      return { answer: { ...base, outcome: 'needs_confirmation', periodId: target.period.id, periodName: target.period.name, unitId: target.unit?.id ?? null, unitName: target.unit?.name ?? null, problems: target.problems } };
    }
    const { period, unit } = target;
    const lock = await reportLock(db, period.id, unit.id, unit.name);
    if (lock) throw new Rejection([fileProblem(`${fileName}: ${lock} Tệp này chưa được nhận; nếu cần thay báo cáo, hãy mở khoá (ghi lý do) rồi nhận lại tệp.`)], { period, unit });
    const plan = await scopes.plan(period);
    const duties = (await scopes.dutiesOf(period))(unit);
    // The unit's own measures; a row of another unit's measure (an old template) is left out, with a warning.
    const measures = duties.measures;
    const read = readReport(fileName, workbook, measures, planMeasures(plan), { year: period.year });
    const expectedLayout = layoutChecksum(templateRowKeys(measures), duties.tasks.map(taskKey));
    if (meta && meta.layoutChecksum !== expectedLayout) {
      read.problems.push({ severity: 'warning', row: null, cell: null, message: `${fileName}: bố cục biểu mẫu khác với bảng chỉ tiêu hiện nay (kế hoạch có thể đã sửa sau khi gửi biểu mẫu). Hãy kiểm tra các dòng.` });
    }
    read.problems.push(...(await jumpWarnings(db, period, unit.id, read.values, measures, (v) => `${fileName} › ${SHEETS.measures} › ${(v as ReadReport['values'][number]).cell}`)));
    const errors = read.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new Rejection(read.problems, { period, unit });
    // A form sent back as it was is not a report: nothing is received.
    if (read.values.length === 0 && Object.keys(read.narratives).length === 0 && read.taskProgress.length === 0) {
      throw new Rejection([fileProblem(`${fileName}: tệp trống — chưa có số liệu nào ở trang "${SHEETS.measures}", chưa có nội dung nào ở trang "${SHEETS.narrative}"${duties.tasks.length ? ` và trang "${SHEETS.tasks}"` : ''}. Đơn vị chưa điền biểu mẫu nên báo cáo chưa được nhận.`)], { period, unit });
    }
    const empty = measures.filter((m) => !read.values.some((v) => v.measureId === m.id && v.optionComboId === TOTAL_COMBO && (v.value !== null || v.numerator !== null || v.textValue !== null)));
    if (empty.length && read.values.length > 0) {
      read.problems.push({ severity: 'info', row: null, cell: null, message: `${fileName} › ${SHEETS.measures}: còn để trống ${empty.length}/${measures.length} chỉ tiêu: ${empty.slice(0, 15).map((m) => m.code).join(', ')}${empty.length > 15 ? ', …' : '.'}` });
    }
    // Only the unit's own tasks (a row of another task in an old form is left out).
    const taskIds = new Map(duties.tasks.map((t) => [taskKey(t), t.id]));
    return { store: { base, fileName, bytes, sha256, period, unit, read, taskIds } };
  } catch (caught) {
    // One bad file never aborts its batch: whatever went wrong, this file ends with its own result and a line in the import log.
    if (isStorageFailure(ctx, caught)) throw caught;
    return { refused: caught instanceof Rejection ? caught : internalRejection(ctx, fileName, caught), base };
  }
}

/**
 * Stores a checked file as the unit's new revision. Whether the unit already has a report is
 * asked here, in the transaction: two files of one unit in a call, or a file stored by another
 * window since the check, must not replace it without the user's word.
 */
async function storeOne(trx: Trx, ctx: BackendContext, f: ToStore, args: ApiParsedArgs<'report-import'>): Promise<ImportFileResult> {
  const { period, unit, read, fileName, sha256 } = f;
  const found = { ...f.base, periodId: period.id, periodName: period.name, unitId: unit.id, unitName: unit.name };
  const current = await currentReport(trx, period.id, unit.id);
  if (current && !args.replace) {
    return { ...found, outcome: 'needs_replace', problems: read.problems, current: { revision: current.revision, receivedAt: current.receivedAt, fileName: current.fileName } };
  }
  // Warnings leave the report to be checked; they and the notes stay with the revision, for the review desk.
  const warnings = read.problems.filter((p) => p.severity === 'warning');
  const { reportId, revision } = await startRevision(trx, {
    periodId: period.id,
    unitId: unit.id,
    source: 'file',
    status: warnings.length ? 'received' : 'valid',
    receivedAt: nowIso(ctx),
    file: { name: fileName, bytes: f.bytes, sha256 },
    warnings: read.problems.filter((p) => p.severity !== 'error'),
  });
  await writeValues(trx, reportId, read.values);
  await writeNarratives(trx, reportId, read.narratives);
  await writeTaskProgress(trx, reportId, read.taskProgress.flatMap(({ key, ...p }) => (f.taskIds.has(key) ? [{ taskId: f.taskIds.get(key)!, ...p }] : [])));
  await logAttempt(trx, ctx, { periodId: period.id, unitId: unit.id, fileName, sha256, outcome: 'imported', reportId, problems: read.problems });
  await audit(trx, ctx, { entity: 'report', entityId: reportId, action: current ? 'replace' : 'import', before: current ? { revision: current.revision, fileName: current.fileName } : undefined, after: { fileName, sha256, revision, values: read.values.filter((v) => v.optionComboId === TOTAL_COMBO).length, parts: read.values.filter((v) => v.optionComboId !== TOTAL_COMBO).length } });
  return { ...found, outcome: 'imported', reportId, revision, problems: read.problems };
}

/** A refused file's answer, and its line in the import log. */
async function rejected(trx: Trx, ctx: BackendContext, base: BaseResult, caught: unknown, target?: Target): Promise<ImportFileResult> {
  if (isStorageFailure(ctx, caught)) throw caught;
  const e = caught instanceof Rejection ? caught : internalRejection(ctx, base.fileName, caught, target);
  await logAttempt(trx, ctx, { periodId: e.target.period?.id ?? null, unitId: e.target.unit?.id ?? null, fileName: base.fileName, sha256: base.sha256, outcome: 'rejected', reportId: null, problems: e.problems });
  return { ...base, outcome: 'rejected', periodId: e.target.period?.id ?? null, periodName: e.target.period?.name ?? null, unitId: e.target.unit?.id ?? null, unitName: e.target.unit?.name ?? null, problems: e.problems, ...(e.otherPeriod ? { otherPeriod: e.otherPeriod } : {}) };
}

function wrongExtension(fileName: string): string {
  const extension = (/\.([^.]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  if (extension === 'csv' || extension === 'txt') {
    return `${fileName}: tệp CSV/TXT chỉ có chữ và số, không giữ được biểu mẫu (các trang, mã chỉ tiêu, thông tin đơn vị). Hãy điền vào tệp .xlsx TongHop gửi và gửi lại tệp đó.`;
  }
  if (extension === 'xlsb') return `${fileName}: định dạng Excel nhị phân (.xlsb) không được nhận. Hãy mở bằng Excel, chọn Lưu thành › Excel Workbook (.xlsx).`;
  return onlySpreadsheets(fileName);
}

/** An unexpected failure on one file: logged in full for the developers, said to the user in Vietnamese. */
function internalRejection(ctx: BackendContext, fileName: string, error: unknown, target?: Target): Rejection {
  logError(ctx, `report-import ${fileName}`, error);
  if (error instanceof UserError) return new Rejection([fileProblem(error.message.startsWith(fileName) ? error.message : `${fileName}: ${error.message}`)], target);
  if (target) return new Rejection([fileProblem(`${fileName}: TongHop đã đọc và kiểm tra tệp nhưng không lưu được báo cáo của ${target.unit.name} (lỗi bên trong; chi tiết đã ghi vào nhật ký lỗi). Không có gì của tệp này được ghi; các tệp khác vẫn được nhận. Hãy nhận lại tệp.`)], target);
  return new Rejection([fileProblem(`${fileName}: TongHop không đọc được tệp này (lỗi bên trong khi đọc; chi tiết đã ghi vào nhật ký lỗi). Các tệp khác vẫn được nhận. Hãy mở tệp bằng Excel, lưu lại thành .xlsx rồi nhận lại.`)]);
}

/** A workbook without TongHop's metadata that is not a report either: nothing to match by name. */
function notAReport(fileName: string, workbook: ParsedWorkbook): string | null {
  const hasCells = workbook.sheets.some((s) => s.rows.some((row) => row.some((c) => c !== null)));
  if (!hasCells) return `${fileName}: tệp không có dữ liệu (các trang tính đều trống).`;
  const measures = measuresSheet(workbook);
  if (!measures) {
    return `${fileName}: tệp không phải biểu mẫu báo cáo của TongHop (không có trang "${SHEETS.measures}" và trang thông tin "${SHEETS.meta}"). Hãy dùng biểu mẫu TongHop xuất cho kỳ này.`;
  }
  if (!measures.rows.slice(MEASURE_HEADER_ROW + 1).some((row) => measureCodeOf(row) !== null)) {
    return `${fileName} › ${measures.name}: không có dòng chỉ tiêu nào có mã ở cột A, nên đây không phải biểu mẫu báo cáo của TongHop. Hãy dùng biểu mẫu TongHop xuất cho kỳ này.`;
  }
  return null;
}

async function logAttempt(
  db: Db,
  ctx: BackendContext,
  a: { periodId: number | null; unitId: number | null; fileName: string; sha256: string; outcome: 'imported' | 'rejected'; reportId: number | null; problems: ImportProblem[] },
): Promise<void> {
  await db
    .insertInto('import_attempt')
    .values({ period_id: a.periodId, unit_id: a.unitId, file_name: a.fileName, file_sha256: a.sha256, attempted_at: nowIso(ctx), outcome: a.outcome, report_id: a.reportId, problems_json: JSON.stringify(a.problems) })
    .execute();
}

/** Which period and unit a file is for: from its metadata sheet, or matched by the unit's name. */
async function identify(
  scopes: PeriodScopes,
  fileName: string,
  meta: ReturnType<typeof readMeta>,
  args: ApiParsedArgs<'report-import'>,
  /** The unit the sheet's visible header names ("Đơn vị báo cáo: …"), if any. */
  written: string | null = null,
): Promise<Target | { needsConfirmation: true; period: PeriodDto; unit: UnitDto | null; problems: ImportProblem[] }> {
  if (meta) {
    const period = await scopes.period(meta.periodId).catch(() => {
      throw new Rejection([fileProblem(`${fileName}: tệp dành cho kỳ báo cáo "${meta.periodName}" không có trong dữ liệu này.`)]);
    });
    if (args.periodId !== undefined && args.periodId !== period.id) {
      const wanted = await scopes.period(args.periodId);
      throw new Rejection([fileProblem(`${fileName}: tệp dành cho kỳ "${period.name}", không phải kỳ "${wanted.name}" đang nhận.`)], { period: wanted }, { id: period.id, name: period.name });
    }
    if (meta.planId !== period.planId) throw new Rejection([fileProblem(`${fileName}: tệp được xuất từ một kế hoạch khác với kế hoạch của kỳ "${period.name}".`)], { period });
    const units = await scopes.units(period);
    const unit = units.find((u) => u.id === meta.unitId && u.code === meta.unitCode);
    if (!unit) throw new Rejection([fileProblem(`${fileName}: đơn vị "${meta.unitName}" (mã ${meta.unitCode}) không thuộc danh sách đơn vị báo cáo của kỳ "${period.name}".`)], { period });
    // The compiler said which unit it is (the header and the hidden information disagreed).
    if (args.unitId !== undefined && args.confirmMatch) {
      const chosen = units.find((u) => u.id === args.unitId);
      if (!chosen) throw new Rejection([fileProblem(`${fileName}: đơn vị số ${args.unitId} không thuộc danh sách đơn vị báo cáo của kỳ "${period.name}".`)], { period });
      return { period, unit: chosen };
    }
    // A unit that reused a neighbour's file: the header names one unit, the hidden information another. Ask.
    const named = written && fold(written) !== fold(unit.name) ? units.find((u) => fold(u.name) === fold(written)) : undefined;
    if (named) {
      return {
        needsConfirmation: true,
        period,
        unit: named,
        problems: [
          {
            severity: 'warning',
            row: null,
            cell: null,
            message: `${fileName}: đầu trang ghi "Đơn vị báo cáo: ${written}" nhưng thông tin ẩn của biểu mẫu là của ${unit.name} (có thể đơn vị đã dùng lại tệp của đơn vị khác). Hãy chọn đúng đơn vị gửi báo cáo.`,
          },
        ],
      };
    }
    if (args.unitId !== undefined && args.unitId !== unit.id) {
      const wanted = units.find((u) => u.id === args.unitId);
      throw new Rejection([fileProblem(`${fileName}: tệp là báo cáo của "${unit.name}", không phải của "${wanted?.name ?? `đơn vị số ${args.unitId}`}".`)], { period, unit });
    }
    return { period, unit };
  }
  // The metadata sheet was lost (the file was retyped or copied into a new workbook).
  if (args.periodId === undefined) {
    throw new Rejection([fileProblem(`${fileName}: tệp không có trang thông tin "${SHEETS.meta}" của TongHop (có thể đã được gõ lại). Hãy nhập tệp này trong màn hình của kỳ báo cáo để chọn đơn vị.`)]);
  }
  const period = await scopes.period(args.periodId).catch(() => {
    throw notFound(`kỳ báo cáo số ${args.periodId}`);
  });
  const units = await scopes.units(period);
  if (args.unitId !== undefined && args.confirmMatch) {
    const unit = units.find((u) => u.id === args.unitId);
    if (!unit) throw new Rejection([fileProblem(`${fileName}: đơn vị số ${args.unitId} không thuộc danh sách đơn vị báo cáo của kỳ "${period.name}".`)], { period });
    return { period, unit };
  }
  const workbookUnit = await guessUnit(units, fileName);
  return {
    needsConfirmation: true,
    period,
    unit: workbookUnit,
    problems: [
      {
        severity: 'warning',
        row: null,
        cell: null,
        message: workbookUnit
          ? `${fileName}: tệp không có trang thông tin của TongHop; theo tên, đây là báo cáo của "${workbookUnit.name}". Hãy xác nhận đúng đơn vị.`
          : `${fileName}: tệp không có trang thông tin của TongHop và không nhận ra tên đơn vị. Hãy chọn đơn vị gửi báo cáo.`,
      },
    ],
  };
}

/** Matches the unit by the name written in the sheet header or in the file name. */
async function guessUnit(units: UnitDto[], fileName: string): Promise<UnitDto | null> {
  const name = fold(fileName.replace(/\.[^.]+$/, ''));
  const full = (u: UnitDto) => name.includes(fold(u.name));
  const hits = units.filter((u) => full(u) || name.includes(fold(u.name).replace(/^(huyen|thanh pho|so|xa|phuong|thi tran) /, '')));
  // The whole name before a name without its "Huyện"/"Xã"; then the reporting units before those under them (`units` is parents first).
  hits.sort((a, b) => Number(full(b)) - Number(full(a)) || units.indexOf(a) - units.indexOf(b) || b.name.length - a.name.length);
  return hits[0] ?? null;
}

export async function getReport(db: Db, id: number): Promise<ReportDto> {
  const r = await reportById(db, id);
  if (!r) throw notFound(`báo cáo số ${id}`);
  const period = await getPeriod(db, r.periodId);
  const unit = (await periodTree(db, period)).find((u) => u.id === r.unitId);
  const codes = new Map(planMeasures(await periodPlan(db, period)).map((m) => [m.id, m.code]));
  const values = await readValues(db, [id]);
  const narratives = await readNarratives(db, [id]);
  const progress = await readTaskProgress(db, [id]);
  const revisions = await revisionsOf(db, r.periodId, r.unitId);
  return {
    id: r.id,
    periodId: r.periodId,
    unitId: r.unitId,
    unitName: unit?.name ?? `Đơn vị số ${r.unitId}`,
    revision: r.revision,
    isCurrent: r.isCurrent,
    status: r.status,
    source: r.source,
    receivedAt: r.receivedAt,
    fileName: r.fileName,
    fileSha256: r.fileSha256,
    warnings: r.warnings as ImportProblem[],
    values: values.map((v) => ({ measureId: v.measureId, measureCode: codes.get(v.measureId) ?? '', optionComboId: v.optionComboId, numerator: v.numerator, denominator: v.denominator, value: v.value, textValue: v.textValue })),
    narratives: Object.fromEntries(narratives.map((n) => [n.section, n.body])),
    taskProgress: progress.map(({ reportId: _r, ...p }) => p),
    revisions: revisions.reverse().map((x) => ({ id: x.id, revision: x.revision, receivedAt: x.receivedAt, fileName: x.fileName, isCurrent: x.isCurrent })),
  };
}

/** The compiler approves a unit's current report after checking it. */
export async function approveReport(db: Db, ctx: BackendContext, id: number): Promise<{ id: number; approvedAt: string }> {
  const r = await reportById(db, id);
  if (!r) throw notFound(`báo cáo số ${id}`);
  if (!r.isCurrent) throw new UserError('conflict', 'Chỉ duyệt được lần báo cáo mới nhất của đơn vị.');
  await assertPeriodOpen(db, r.periodId, 'duyệt báo cáo');
  if (r.status === 'approved') throw new UserError('conflict', 'Báo cáo này đã được duyệt.');
  const approvedAt = nowIso(ctx);
  const userName = await getSetting(db, 'userName');
  await db.transaction().execute(async (trx) => {
    await setApproval(trx, id, { status: 'approved', at: approvedAt, by: userName });
    await audit(trx, ctx, { entity: 'report', entityId: id, action: 'approve', before: { status: r.status }, after: { status: 'approved' } });
  });
  return { id, approvedAt };
}

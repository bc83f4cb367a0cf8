/**
 * The report store: the one module that reads and writes the report tables. A row of `report`
 * is one revision of one unit's report for one period (a received file with its bytes and
 * SHA-256, a typed report, or a compiled one); its values are keyed by measure and option
 * combination (TOTAL_COMBO is the total: the only value of a measure without breakdown, the sum
 * over the parts of one with a breakdown); its narratives by section; its task progress by task.
 *
 * Writes take a kysely Transaction: a revision and its content are written together or not at
 * all. Nothing else in the backend touches these tables.
 */
import { CompiledQuery, sql, type Selectable, type Transaction } from 'kysely';
import { rawConnectionOf, type Db } from './connection';
import type { Database } from './schema';
import { isEmptyTaskReport, type TaskReport, type TaskStatus } from '../../../shared/domain/task-status';

/** The option combination that stands for "no breakdown" / the total (migration 0001 made it). */
export const TOTAL_COMBO = 1;

export type ReportSource = 'file' | 'typed' | 'merge';
export type ReportState = 'received' | 'valid' | 'approved';
export type Trx = Transaction<Database>;

export interface ReportRevision {
  id: number;
  periodId: number;
  unitId: number;
  revision: number;
  isCurrent: boolean;
  status: ReportState;
  source: ReportSource;
  receivedAt: string;
  fileName: string | null;
  fileSha256: string | null;
  /** Problems of the import that did not block it (JSON of ImportProblem[]). */
  warnings: unknown[];
  approvedAt: string | null;
  approvedBy: string | null;
}

export interface StoredValue {
  measureId: number;
  optionComboId: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  textValue: string | null;
  note: string | null;
}

export type ReportValueRow = StoredValue & { reportId: number };

export interface NewRevision {
  periodId: number;
  unitId: number;
  source: ReportSource;
  status: Exclude<ReportState, 'approved'>;
  receivedAt: string;
  file?: { name: string; bytes: Uint8Array; sha256: string };
  warnings?: unknown[];
  /** Start from this revision's values, narratives and task progress (a typed correction of a received file). */
  copyFrom?: number;
}

const REVISION_COLUMNS = ['id', 'period_id', 'unit_id', 'revision', 'is_current', 'status', 'source', 'received_at', 'file_name', 'file_sha256', 'warnings_json', 'approved_at', 'approved_by'] as const;

type RevisionRow = Pick<Selectable<Database['report']>, (typeof REVISION_COLUMNS)[number]>;

function toRevision(r: RevisionRow): ReportRevision {
  return {
    id: r.id,
    periodId: r.period_id,
    unitId: r.unit_id,
    revision: r.revision,
    isCurrent: r.is_current === 1,
    status: r.status as ReportState,
    source: r.source as ReportSource,
    receivedAt: r.received_at,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    warnings: JSON.parse(r.warnings_json ?? '[]') as unknown[],
    approvedAt: r.approved_at,
    approvedBy: r.approved_by,
  };
}

// ---- revisions -------------------------------------------------------------------------------

/** Whether a revision has warnings to check (its notes, such as what was left empty, are not). */
export function hasWarnings(r: Pick<ReportRevision, 'warnings'>): boolean {
  return r.warnings.some((w) => (w as { severity?: string }).severity !== 'info');
}

export async function reportById(db: Db, id: number): Promise<ReportRevision | undefined> {
  const r = await db.selectFrom('report').select(REVISION_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && toRevision(r);
}

/** A unit's current report for a period. */
export async function currentReport(db: Db, periodId: number, unitId: number): Promise<ReportRevision | undefined> {
  const r = await db.selectFrom('report').select(REVISION_COLUMNS).where('period_id', '=', periodId).where('unit_id', '=', unitId).where('is_current', '=', 1).executeTakeFirst();
  return r && toRevision(r);
}

/** Every unit's current report for a period. */
export async function currentReports(db: Db, periodId: number): Promise<ReportRevision[]> {
  const rows = await db.selectFrom('report').select(REVISION_COLUMNS).where('period_id', '=', periodId).where('is_current', '=', 1).orderBy('id').execute();
  return rows.map(toRevision);
}

/** Every revision of a unit's report for a period, oldest first. */
export async function revisionsOf(db: Db, periodId: number, unitId: number): Promise<ReportRevision[]> {
  const rows = await db.selectFrom('report').select(REVISION_COLUMNS).where('period_id', '=', periodId).where('unit_id', '=', unitId).orderBy('revision').execute();
  return rows.map(toRevision);
}

/** How many current reports each period has. */
export async function currentReportCounts(db: Db): Promise<Map<number, number>> {
  const rows = await db.selectFrom('report').select(['period_id', (eb) => eb.fn.countAll<number>().as('n')]).where('is_current', '=', 1).groupBy('period_id').execute();
  return new Map(rows.map((r) => [r.period_id, Number(r.n)]));
}

/** How many revisions (of any unit) a period has, or a unit has (in any period). */
export async function revisionCount(db: Db, of: { periodId: number } | { unitId: number }): Promise<number> {
  const q = db.selectFrom('report').select((eb) => eb.fn.countAll<number>().as('n'));
  const row = await ('periodId' in of ? q.where('period_id', '=', of.periodId) : q.where('unit_id', '=', of.unitId)).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The unit's latest current report in an earlier period of the same plan (cut-off before
 * `before`), for comparing a new file with what the unit said last time.
 */
export async function previousReportOfUnit(db: Db, unitId: number, planId: number, before: string): Promise<{ id: number; periodName: string } | undefined> {
  const r = await db
    .selectFrom('report as r')
    .innerJoin('reporting_period as p', 'p.id', 'r.period_id')
    .select(['r.id', 'p.name'])
    .where('r.unit_id', '=', unitId)
    .where('r.is_current', '=', 1)
    .where('p.plan_id', '=', planId)
    .where('p.data_to', '<', before)
    .orderBy('p.data_to', 'desc')
    .executeTakeFirst();
  return r && { id: r.id, periodName: r.name };
}

/**
 * Starts a new revision of a unit's report: numbered after the last one, made current (the
 * earlier ones stay as history), optionally starting from another revision's content.
 */
export async function startRevision(trx: Trx, input: NewRevision): Promise<{ reportId: number; revision: number }> {
  const last = await trx
    .selectFrom('report')
    .select((eb) => eb.fn.max<number>('revision').as('rev'))
    .where('period_id', '=', input.periodId)
    .where('unit_id', '=', input.unitId)
    .executeTakeFirst();
  const revision = (last?.rev ?? 0) + 1;
  await trx.updateTable('report').set({ is_current: 0 }).where('period_id', '=', input.periodId).where('unit_id', '=', input.unitId).where('is_current', '=', 1).execute();
  const { id: reportId } = await trx
    .insertInto('report')
    .values({
      period_id: input.periodId,
      unit_id: input.unitId,
      revision,
      is_current: 1,
      status: input.status,
      source: input.source,
      received_at: input.receivedAt,
      file_name: input.file?.name ?? null,
      file_sha256: input.file?.sha256 ?? null,
      file_bytes: input.file ? Buffer.from(input.file.bytes) : null,
      warnings_json: JSON.stringify(input.warnings ?? []),
      approved_at: null,
      approved_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.copyFrom !== undefined) await copyContent(trx, input.copyFrom, reportId);
  return { reportId, revision };
}

async function copyContent(trx: Trx, from: number, to: number): Promise<void> {
  await trx
    .insertInto('report_value')
    .columns(['report_id', 'measure_id', 'option_combo_id', 'numerator', 'denominator', 'value', 'text_value', 'note'])
    .expression((eb) => eb.selectFrom('report_value').select([eb.val(to).as('report_id'), 'measure_id', 'option_combo_id', 'numerator', 'denominator', 'value', 'text_value', 'note']).where('report_id', '=', from))
    .execute();
  await trx
    .insertInto('report_narrative')
    .columns(['report_id', 'section', 'body'])
    .expression((eb) => eb.selectFrom('report_narrative').select([eb.val(to).as('report_id'), 'section', 'body']).where('report_id', '=', from))
    .execute();
  await trx
    .insertInto('report_task_progress')
    .columns(['report_id', 'task_id', 'progress'])
    .expression((eb) => eb.selectFrom('report_task_progress').select([eb.val(to).as('report_id'), 'task_id', 'progress']).where('report_id', '=', from))
    .execute();
}

/** Approves a revision, or takes the approval back (to `valid` or `received`). */
export async function setApproval(trx: Trx, id: number, approval: { status: 'approved'; at: string; by: string } | { status: Exclude<ReportState, 'approved'> }): Promise<void> {
  await trx
    .updateTable('report')
    .set(approval.status === 'approved' ? { status: 'approved', approved_at: approval.at, approved_by: approval.by } : { status: approval.status, approved_at: null, approved_by: null })
    .where('id', '=', id)
    .execute();
}

/** Replaces a revision's warnings: a typed report's are worked out again from its figures on every save. */
export async function setWarnings(trx: Trx, id: number, warnings: readonly unknown[]): Promise<void> {
  await trx.updateTable('report').set({ warnings_json: JSON.stringify(warnings) }).where('id', '=', id).execute();
}

// ---- the compiler's marks on warnings ----------------------------------------------------------

export interface WarningCheck {
  reportId: number;
  /** The warning's text: a changed figure gives a new text, to be checked again. */
  message: string;
  checkedAt: string;
  checkedBy: string;
}

export async function readWarningChecks(db: Db, reportIds: readonly number[]): Promise<WarningCheck[]> {
  if (reportIds.length === 0) return [];
  const rows = await db.selectFrom('warning_check').selectAll().where('report_id', 'in', reportIds).execute();
  return rows.map((r) => ({ reportId: r.report_id, message: r.message, checkedAt: r.checked_at, checkedBy: r.checked_by }));
}

/** Per revision, its warnings to be checked (`check`) that are not yet marked so. */
export async function uncheckedWarnings<W extends { check?: boolean; message: string }>(db: Db, reports: readonly Pick<ReportRevision, 'id' | 'warnings'>[]): Promise<Map<number, W[]>> {
  const marked = new Set((await readWarningChecks(db, reports.map((r) => r.id))).map((c) => `${c.reportId}\u0000${c.message}`));
  return new Map(reports.map((r) => [r.id, (r.warnings as W[]).filter((w) => w.check && !marked.has(`${r.id}\u0000${w.message}`))]));
}

/** Marks a warning checked, or takes the mark back (`check` null). */
export async function setWarningCheck(trx: Trx, reportId: number, message: string, check: { at: string; by: string } | null): Promise<void> {
  await trx.deleteFrom('warning_check').where('report_id', '=', reportId).where('message', '=', message).execute();
  if (check) await trx.insertInto('warning_check').values({ report_id: reportId, message, checked_at: check.at, checked_by: check.by }).execute();
}

// ---- values ----------------------------------------------------------------------------------

/** SQLite takes 32.766 parameters per statement: 4.000 rows of 8 columns. */
const ROWS_PER_INSERT = 4000;

/** The columns of a stored value, in the order of insertValuesSql's placeholders. */
const VALUE_COLUMNS = ['report_id', 'measure_id', 'option_combo_id', 'numerator', 'denominator', 'value', 'text_value', 'note'] as const;
const insertSqlByRows = new Map<number, string>();

/** The insert of `rows` values, one text per row count (so SQLite's prepared statement is kept and reused). */
function insertValuesSql(rows: number): string {
  let text = insertSqlByRows.get(rows);
  if (!text) {
    const row = `(${VALUE_COLUMNS.map(() => '?').join(', ')})`;
    text = `INSERT INTO report_value (${VALUE_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
    if (insertSqlByRows.size < 256) insertSqlByRows.set(rows, text);
  }
  return text;
}

/**
 * Adds values to a revision (one statement per 4.000 values). Written as plain SQL with its
 * parameters: kysely's builder made an object per value and per cell, which at national size
 * (thousands of files) cost as much as SQLite's insert itself.
 */
export async function writeValues(trx: Trx, reportId: number, values: readonly StoredValue[]): Promise<void> {
  for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
    const chunk = values.slice(i, i + ROWS_PER_INSERT);
    const parameters: unknown[] = [];
    for (const v of chunk) parameters.push(reportId, v.measureId, v.optionComboId, v.numerator ?? null, v.denominator ?? null, v.value ?? null, v.textValue ?? null, v.note ?? null);
    await trx.executeQuery(CompiledQuery.raw(insertValuesSql(chunk.length), parameters));
  }
}

/** Replaces everything a revision holds for one measure (total and parts); returns what was there. */
export async function replaceMeasureValues(trx: Trx, reportId: number, measureId: number, values: readonly StoredValue[]): Promise<StoredValue[]> {
  const before = await readValues(trx, [reportId], { measureId });
  await trx.deleteFrom('report_value').where('report_id', '=', reportId).where('measure_id', '=', measureId).execute();
  await writeValues(trx, reportId, values.filter((v) => v.measureId === measureId));
  // Values added to a report bump no counter themselves (migration 0019): the report row's update does.
  await trx.updateTable('report').set((eb) => ({ status: eb.ref('status') })).where('id', '=', reportId).execute();
  return before;
}

export interface ValueFilter {
  measureId?: number;
  /** Only the totals (TOTAL_COMBO), e.g. for comparing with an earlier period. */
  totalsOnly?: boolean;
}

/** The values of the given revisions (all option combinations unless filtered), by measure then combination. */
export async function readValues(db: Db, reportIds: readonly number[], filter: ValueFilter = {}): Promise<ReportValueRow[]> {
  if (reportIds.length === 0) return [];
  let q = db
    .selectFrom('report_value')
    .select(['report_id', 'measure_id', 'option_combo_id', 'numerator', 'denominator', 'value', 'text_value', 'note'])
    .where('report_id', 'in', [...reportIds]);
  if (filter.measureId !== undefined) q = q.where('measure_id', '=', filter.measureId);
  if (filter.totalsOnly) q = q.where('option_combo_id', '=', TOTAL_COMBO);
  const rows = await q.orderBy('report_id').orderBy('measure_id').orderBy('option_combo_id').execute();
  return rows.map((r) => ({
    reportId: r.report_id,
    measureId: r.measure_id,
    optionComboId: r.option_combo_id,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    textValue: r.text_value,
    note: r.note,
  }));
}

/** A figure as roll-ups need it: which unit, measure and combination, and the numbers; nothing else. */
export interface UnitFigure {
  unitId: number;
  measureId: number;
  optionComboId: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/**
 * The figures of the given revisions, with the unit each came from: one object per value, as the
 * database returns it.
 */
export async function readFigures(db: Db, reportIds: readonly number[], filter: FigureFilter = {}): Promise<UnitFigure[]> {
  if (reportIds.length === 0 || filter.measureIds?.length === 0) return [];
  return figuresQuery(db, reportIds, filter).execute();
}

type FigureFilter = Pick<ValueFilter, 'totalsOnly'> & { measureIds?: readonly number[] };

function figuresQuery(db: Db, reportIds: readonly number[], filter: FigureFilter) {
  let q = db
    .selectFrom('report_value as v')
    .innerJoin('report as r', 'r.id', 'v.report_id')
    .select(['r.unit_id as unitId', 'v.measure_id as measureId', 'v.option_combo_id as optionComboId', 'v.numerator', 'v.denominator', 'v.value'])
    .where('v.report_id', 'in', [...reportIds]);
  if (filter.totalsOnly) q = q.where('v.option_combo_id', '=', TOTAL_COMBO);
  if (filter.measureIds) q = q.where('v.measure_id', 'in', [...filter.measureIds]);
  return q;
}

/** A figure as a row of the database, in readFigures' order of columns. */
export type FigureRow = [unitId: number, measureId: number, optionComboId: number, numerator: number | null, denominator: number | null, value: number | null];

/**
 * readFigures' figures handed over one at a time and not kept: the merge puts each in its unit's
 * slot of a column, so the 167.000 figures of a national period leave no objects behind. Read on
 * the connection under `db` while holding kysely's lock on it, so like any query of `db` it never
 * sees another call's half-done transaction; inside a transaction, through kysely.
 */
export async function eachFigure(db: Db, reportIds: readonly number[], filter: FigureFilter, take: (row: FigureRow) => void): Promise<void> {
  if (reportIds.length === 0 || filter.measureIds?.length === 0) return;
  const raw = rawConnectionOf(db);
  if (!raw) {
    for (const f of await readFigures(db, reportIds, filter)) take([f.unitId, f.measureId, f.optionComboId, f.numerator, f.denominator, f.value]);
    return;
  }
  const { sql: text, parameters } = figuresQuery(db, reportIds, filter).compile();
  await db.connection().execute(async () => {
    // A statement of its own (not the one kysely keeps for this SQL): raw mode would change it for kysely too.
    for (const row of raw.prepare(text).raw(true).iterate(...parameters)) take(row as FigureRow);
  });
}

/** The notes units wrote beside their totals ("Ghi chú"), with the unit each came from. */
export async function readNotes(db: Db, reportIds: readonly number[]): Promise<{ unitId: number; measureId: number; note: string }[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('report_value as v')
    .innerJoin('report as r', 'r.id', 'v.report_id')
    .select(['r.unit_id as unitId', 'v.measure_id as measureId', 'v.note'])
    .where('v.report_id', 'in', [...reportIds])
    .where('v.option_combo_id', '=', TOTAL_COMBO)
    .where('v.note', 'is not', null)
    .where('v.note', '!=', '')
    .execute();
  return rows.map((r) => ({ unitId: r.unitId, measureId: r.measureId, note: r.note! }));
}

/** The sums of one option combination over a group of units. */
export interface PartSums {
  /** The group the units were put in by the caller. */
  groupId: number;
  measureId: number;
  optionComboId: number;
  /** Σ values and how many were given (counts). */
  sumValue: number | null;
  countValue: number;
  /** Σ numerators and Σ denominators of the values that have both (rates), and how many. */
  sumNumerator: number | null;
  sumDenominator: number | null;
  countRatio: number;
}

/**
 * The parts (option combinations other than the total) of every measure the given units reported
 * in a period, summed in SQL per group of units: a merge puts the units with the same chain of
 * units above them in one group, so that it sums hundreds of thousands of values without reading
 * them. A value counts when given (a value or a numerator).
 */
/** `read`: how to run the query instead of on `db` (the merge reads it on another core at national size). */
export async function sumPartsByGroup(db: Db, periodId: number, units: readonly { unitId: number; groupId: number }[], read?: (query: CompiledQuery) => Promise<PartSums[]>): Promise<PartSums[]> {
  if (units.length === 0) return [];
  const both = sql.raw('v.numerator IS NOT NULL AND v.denominator IS NOT NULL');
  const query = sql<PartSums>`
    WITH t_unit(unit_id, group_id) AS (VALUES ${sql.join(units.map((u) => sql`(${u.unitId}, ${u.groupId})`))})
    SELECT t.group_id AS groupId, v.measure_id AS measureId, v.option_combo_id AS optionComboId,
           sum(v.value) AS sumValue, count(v.value) AS countValue,
           sum(CASE WHEN ${both} THEN v.numerator END) AS sumNumerator,
           sum(CASE WHEN ${both} THEN v.denominator END) AS sumDenominator,
           count(CASE WHEN ${both} THEN 1 END) AS countRatio
      FROM report r
      JOIN t_unit t ON t.unit_id = r.unit_id
      JOIN report_value v ON v.report_id = r.id
     WHERE r.period_id = ${periodId} AND r.is_current = 1 AND v.option_combo_id != ${TOTAL_COMBO}
       AND (v.value IS NOT NULL OR v.numerator IS NOT NULL)
     GROUP BY t.group_id, v.measure_id, v.option_combo_id`;
  return read ? read(query.compile(db)) : (await query.execute(db)).rows;
}

/** The units (of the given ones) that reported a measure's total and none of its parts, by measure. */
export async function totalsWithoutParts(db: Db, periodId: number, unitIds: readonly number[], measureIds: readonly number[]): Promise<{ unitId: number; measureId: number }[]> {
  if (unitIds.length === 0 || measureIds.length === 0) return [];
  const rows = await sql<{ unitId: number; measureId: number }>`
    SELECT r.unit_id AS unitId, v.measure_id AS measureId
      FROM report r JOIN report_value v ON v.report_id = r.id
     WHERE r.period_id = ${periodId} AND r.is_current = 1 AND r.unit_id IN (${sql.join([...unitIds])}) AND v.measure_id IN (${sql.join([...measureIds])})
       AND v.option_combo_id = ${TOTAL_COMBO} AND (v.value IS NOT NULL OR v.numerator IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM report_value p WHERE p.report_id = r.id AND p.measure_id = v.measure_id AND p.option_combo_id != ${TOTAL_COMBO}
                          AND (p.value IS NOT NULL OR p.numerator IS NOT NULL))`.execute(db);
  return rows.rows;
}

/** How many stored values refer to the given measures (a measure with values is not deleted). */
export async function valueCountForMeasures(db: Db, measureIds: readonly number[]): Promise<number> {
  if (measureIds.length === 0) return 0;
  const row = await db.selectFrom('report_value').select((eb) => eb.fn.countAll<number>().as('n')).where('measure_id', 'in', [...measureIds]).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many reports said something of the given tasks (a task reported on is not deleted). */
export async function taskProgressCount(db: Db, taskIds: readonly number[]): Promise<number> {
  if (taskIds.length === 0) return 0;
  const row = await db.selectFrom('report_task_progress').select((eb) => eb.fn.countAll<number>().as('n')).where('task_id', 'in', [...taskIds]).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many stored values use one of the given option combinations (an option in use is retired, not deleted). */
export async function valueCountForCombos(db: Db, optionComboIds: readonly number[]): Promise<number> {
  if (optionComboIds.length === 0) return 0;
  const row = await db.selectFrom('report_value').select((eb) => eb.fn.countAll<number>().as('n')).where('option_combo_id', 'in', [...optionComboIds]).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The option combinations any stored value uses. */
export async function optionCombosInUse(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom('report_value').select('option_combo_id').distinct().execute();
  return new Set(rows.map((r) => r.option_combo_id));
}

/** How many values of a measure are parts of a breakdown (not the total). */
export async function partValueCount(db: Db, measureId: number): Promise<number> {
  const row = await db.selectFrom('report_value').select((eb) => eb.fn.countAll<number>().as('n')).where('measure_id', '=', measureId).where('option_combo_id', '!=', TOTAL_COMBO).executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---- narratives and task progress ------------------------------------------------------------

export async function readNarratives(db: Db, reportIds: readonly number[]): Promise<{ reportId: number; section: string; body: string }[]> {
  if (reportIds.length === 0) return [];
  const rows = await db.selectFrom('report_narrative').selectAll().where('report_id', 'in', [...reportIds]).execute();
  return rows.map((r) => ({ reportId: r.report_id, section: r.section, body: r.body }));
}

/** Sets the given sections (an empty text removes the section). */
export async function writeNarratives(trx: Trx, reportId: number, sections: Readonly<Record<string, string>>): Promise<void> {
  for (const [section, body] of Object.entries(sections)) {
    await trx.deleteFrom('report_narrative').where('report_id', '=', reportId).where('section', '=', section).execute();
    if (body.trim()) await trx.insertInto('report_narrative').values({ report_id: reportId, section, body }).execute();
  }
}

export async function readTaskProgress(db: Db, reportIds: readonly number[]): Promise<(TaskReport & { reportId: number })[]> {
  if (reportIds.length === 0) return [];
  const rows = await db.selectFrom('report_task_progress').selectAll().where('report_id', 'in', [...reportIds]).execute();
  return rows.map((r) => ({ reportId: r.report_id, taskId: r.task_id, progress: r.progress, status: r.status as TaskStatus | null, events: r.events, participants: r.participants, funds: r.funds }));
}

/** Sets what a revision says of the given tasks (an empty report of a task removes it). */
export async function writeTaskProgress(trx: Trx, reportId: number, progress: readonly TaskReportInput[]): Promise<void> {
  for (const p of progress) {
    await trx.deleteFrom('report_task_progress').where('report_id', '=', reportId).where('task_id', '=', p.taskId).execute();
    const t = { status: p.status ?? null, progress: p.progress, events: p.events ?? null, participants: p.participants ?? null, funds: p.funds ?? null };
    if (!isEmptyTaskReport(t)) await trx.insertInto('report_task_progress').values({ report_id: reportId, task_id: p.taskId, ...t }).execute();
  }
}

/** A task's report as written: the text, and (optional) its status and figures. */
export type TaskReportInput = Pick<TaskReport, 'taskId' | 'progress'> & Partial<Omit<TaskReport, 'taskId' | 'progress'>>;

/** When each unit's first report of a period came (a later correction does not count), from files or typed; the compiler's own merge left out. */
export async function firstReceipts(db: Db, periodId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('report')
    .select(['unit_id', (eb) => eb.fn.min<string>('received_at').as('first')])
    .where('period_id', '=', periodId)
    .where('source', '!=', 'merge')
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, r.first]));
}

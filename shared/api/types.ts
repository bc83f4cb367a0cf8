/** Data shapes that cross the boundary between renderer and backend. */
import type { ReportField } from '../domain/entry-layout';
import type { Direction, Rollup, ValueKind, RateFactor } from '../domain/measure';
import type { UnitKind } from '../domain/org-units';
import type { DeadlineLevel, PeriodKind, ReportStatus } from '../domain/periods';
import type { Assessment } from '../domain/rollup';
import type { FurthestMeasure, GoalSummary, ReceiptDay, TargetPoint, TrendPoint, UnitBar } from '../domain/progress';
import type { ChangeKind, DiffNode, Duty } from '../domain/reorganisation';
import type { BackupReason } from '../domain/backups';
import type { Annex } from '../domain/catalogue';
import type { Reporters } from '../domain/who-reports';
import type { TaskReport, TaskStatus } from '../domain/task-status';
import type { AgencyGroup, AgencyMatch } from '../domain/agency-match';

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  planCount: number;
  unitCount: number;
  hasDemo: boolean;
}

export interface Settings {
  userName: string;
  organisationName: string;
  place: string;
  /** Only approved reports count in the merge (default: every received report counts, the unapproved marked). */
  countApprovedOnly: boolean;
  /** A Time-Stamp Authority's address (RFC 3161, from the CA); empty: signatures carry no timestamp. */
  tsaUrl: string;
  /** From how many days before a deadline the home screen offers to remind the units that have not reported (default 5). */
  remindDaysBefore: number;
}

export interface UnitVersionDto {
  name: string;
  shortName: string | null;
  parentId: number | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
  eventKind: OrgEventKind | null;
  eventNote: string | null;
}

export type OrgEventKind = 'create' | 'rename' | 'move' | 'merge' | 'dissolve';

export interface UnitDto {
  id: number;
  code: string;
  kind: UnitKind;
  /** Name and parent as of the date the list was asked for. */
  name: string;
  parentId: number | null;
  /** First and last day of existence (`dissolvedOn` exclusive). */
  createdOn: string;
  dissolvedOn: string | null;
  successorId: number | null;
  successorName: string | null;
  isSample: boolean;
  versions: UnitVersionDto[];
  /** Units this one came from (merge, split) and units it became, with the date. */
  predecessors: { id: number; name: string; on: string }[];
  successors: { id: number; name: string; on: string }[];
  duties: { duty: Duty; validFrom: string; validTo: string | null }[];
}

/** One recorded change of the unit tree: a rename, a merge, or a whole reorganisation. */
export interface OrgChangeDto {
  id: number;
  kind: ChangeKind;
  title: string;
  effectiveOn: string;
  note: string | null;
  createdAt: string;
  createdBy: string;
  undoneAt: string | null;
  /** Only the latest change that is still in force can be undone. */
  undoable: boolean;
}

export interface ReorgResult {
  /** Null when only previewed. */
  change: OrgChangeDto | null;
  effectiveOn: string;
  /** The tree the day before and on the date, with what changed marked. */
  before: DiffNode[];
  after: DiffNode[];
  summary: string[];
}

export interface TargetDto {
  year: number;
  isPhaseEnd: boolean;
  value: number;
  valueMax: number | null;
  /** As written in the plan (`58,82`, `2,0-3,0`, `512/100.000`). */
  text: string;
}

export interface MeasureDto {
  id: number;
  indicatorId: number;
  position: number;
  code: string;
  name: string;
  unitLabel: string;
  valueKind: ValueKind;
  rateFactor: RateFactor | null;
  direction: Direction;
  rollup: Rollup;
  leadUnitId: number | null;
  leadUnitName: string | null;
  /** The agencies as the plan wrote them ("Sở Y tế chủ trì, phối hợp với …"); '' when typed here. */
  leadText: string;
  cooperatingUnitIds: number[];
  breakdownId: number;
  breakdownName: string;
  /** The categories and option combinations the measure is broken down by; null without breakdown. */
  breakdown: BreakdownDto | null;
  /** Who reports the measure: as set, or the default of its roll-up rule (`reportersSet` false, `reportersWhy` says why). */
  reporters: Reporters;
  reportersSet: boolean;
  reportersWhy: string;
  /** What a rate's numerator and denominator count ("số trẻ em dưới 5 tuổi suy dinh dưỡng"), or ''. */
  numeratorLabel: string;
  denominatorLabel: string;
  /** The statistical indicator the measure reports, when linked to one. */
  catalogueIndicator: { id: number; catalogueId: number; catalogueCode: string; annex: string; code: string | null; name: string } | null;
  targets: TargetDto[];
  /** A measure of change (mức giảm …) takes negative figures. */
  allowsNegative: boolean;
  /** Decimals set on the measure (null: from its targets); figures are stored whole and shown with `displayDecimals`. */
  decimals: number | null;
  displayDecimals: number;
  /** The plausible range set on the measure (null: from its unit); `range` is the one in force, with where it comes from. */
  minValue: number | null;
  maxValue: number | null;
  range: { min: number | null; max: number | null; why: string };
}

export interface IndicatorDto {
  id: number;
  goalId: number;
  position: number;
  code: string;
  title: string;
  measures: MeasureDto[];
}

export interface GoalDto {
  id: number;
  position: number;
  code: string;
  title: string;
  indicators: IndicatorDto[];
}

export interface TaskDto {
  id: number;
  groupCode: string;
  groupTitle: string;
  code: string;
  content: string;
  leadUnitId: number | null;
  leadName: string;
  cooperatingText: string;
  timeframe: string;
  /** The plan's "Sản phẩm / Kết quả" for the task. */
  product: string;
  /** The units that cooperate on it (they report on it too). */
  cooperatingUnitIds: number[];
  position: number;
  groupId: number;
}

export interface PlanSummary {
  id: number;
  number: string;
  title: string;
  issuerName: string;
  issuedOn: string | null;
  yearFrom: number;
  yearTo: number;
  parentPlanId: number | null;
  parentPlanNumber: string | null;
  /** The unit that issued the plan, when known. */
  issuerUnitId: number | null;
  goalCount: number;
  indicatorCount: number;
  measureCount: number;
  taskCount: number;
  isSample: boolean;
}

/** One plan of what a period collects: its goals and task groups, and the prefix its codes got when they clashed with an earlier plan's. */
export interface PlanSection {
  planId: number;
  number: string;
  title: string;
  isSample: boolean;
  /** '' for the first plan; 'B.', 'C.' … for a later plan whose codes clash with an earlier one's. */
  prefix: string;
  goalIds: number[];
  taskGroupIds: number[];
}

export interface PlanDetail extends PlanSummary {
  /** The plans this content comes from: one for a plan; one or more for a period that collects several. */
  sections: PlanSection[];
  goals: GoalDto[];
  /** The task groups (I, II, …) in order, with or without tasks yet. */
  taskGroups: { id: number; code: string; title: string }[];
  tasks: TaskDto[];
  /** Target columns present in the plan, in display order. */
  targetColumns: { year: number; isPhaseEnd: boolean }[];
}

/** One option combination of a breakdown: Nam × Dưới 6 tuổi. */
export interface OptionComboDto {
  id: number;
  /** The options' codes, `NAM/U6`: with the measure code, the key of the part's row in a template. */
  key: string;
  /** "Nam · Dưới 6 tuổi" */
  label: string;
  /** One name per category, in the breakdown's order. */
  options: string[];
}

/** A breakdown: the categories a measure is broken down by, and their option combinations in reading order. */
export interface BreakdownDto {
  id: number;
  code: string;
  name: string;
  categories: { id: number; code: string; name: string; isSample: boolean; options: { id: number; code: string; name: string }[] }[];
  /** Without the combinations of retired options. */
  combos: OptionComboDto[];
}

/** A category of breakdowns (Giới tính, Nhóm tuổi, …) as the user defines it. */
export interface CategoryDto {
  id: number;
  code: string;
  name: string;
  note: string;
  isSample: boolean;
  options: {
    id: number;
    code: string;
    name: string;
    /** Retired options stay in old reports but leave new forms. */
    retiredOn: string | null;
    /** Names the option had before, with the day each stopped being used. */
    formerNames: { name: string; until: string }[];
    /** Some report has a value for this option. */
    used: boolean;
  }[];
  /** Measures broken down by this category. */
  measureCount: number;
}

/** What an indicator of a statistical catalogue says, as in the circular's annex tables. */
export interface CatalogueIndicatorFields {
  /** Phụ lục I–IV. */
  annex: Annex;
  /** 4 digits (group + number), restarting per annex; null while not known. */
  code: string | null;
  groupCode: string;
  groupName: string;
  name: string;
  unitLabel: string;
  /** Khái niệm, phương pháp tính. */
  concept: string;
  numerator: string;
  denominator: string;
  factor: number | null;
  /** Phân tổ chủ yếu, as written. */
  breakdowns: string;
  /** Kỳ công bố. */
  period: string;
  /** Nguồn số liệu. */
  source: string;
  /** Cơ quan chịu trách nhiệm: chủ trì / phối hợp. */
  leadBody: string;
  cooperatingBodies: string;
  note: string;
}

export interface CatalogueIndicatorDto extends CatalogueIndicatorFields {
  id: number;
  catalogueId: number;
  position: number;
  /** Measures of plans linked to it. */
  measureCount: number;
}

export interface CatalogueDto {
  id: number;
  /** Short name used in citations, e.g. "TT13". */
  code: string;
  title: string;
  /** The document that issued it: "Thông tư 13/2021/TT-BLĐTBXH". */
  document: string;
  issuedOn: string | null;
  note: string;
  isSample: boolean;
  indicators: CatalogueIndicatorDto[];
}

export interface CatalogueImportPreview {
  fileName: string;
  /** Title and document found above the tables, for the confirm form. */
  guessedTitle: string;
  guessedDocument: string;
  sheets: { name: string; annex: string; headerRow: number; columns: { field: string; header: string; column: string }[] }[];
  indicators: (CatalogueIndicatorFields & { sheet: string; row: number })[];
  problems: ImportProblem[];
}

export interface ImportProblem {
  /** Errors block the import; warnings (rows skipped, figures to check) do not, but leave the report to be checked; notes only inform (what was left empty). */
  severity: 'error' | 'warning' | 'info';
  /** 1-based row in the sheet; null for problems of the whole file. */
  row: number | null;
  cell: string | null;
  message: string;
  /** The figure the problem is about (its measure, its part or 1 for the total, its column), so it can be found in the grid too. */
  at?: { measureId: number; optionComboId: number; field: ReportField };
  /** A figure accepted but worth a second look (outside its range, far from last time or from the target): the compiler marks it checked. */
  check?: true;
}

/** Something an import inferred, with its reason; unsure ones are flagged for the user to check. */
export interface ImportGuess {
  field: 'kind' | 'direction' | 'rollup';
  /** The value as the user reads it: "Giảm xuống / dưới (≤)". */
  value: string;
  why: string;
  sure: boolean;
}

export interface PlanImportMeasure {
  row: number;
  name: string;
  unitLabel: string;
  valueKind: ValueKind;
  rateFactor: RateFactor | null;
  direction: Direction;
  rollup: Rollup;
  targets: TargetDto[];
  leadText: string;
  guesses: ImportGuess[];
}

export interface PlanImportTask {
  row: number;
  code: string;
  content: string;
  leadText: string;
  cooperatingText: string;
  timeframe: string;
  product: string;
}

/** An agency the file names (as lead or cooperating), and the unit or group it was matched to. */
export interface PlanImportAgency {
  text: string;
  rows: number[];
  roles: ('lead' | 'cooperating')[];
  match: AgencyMatch;
  /** For a group: how many units it stands for now. */
  unitCount: number | null;
}

export interface PlanImportPreview {
  fileName: string;
  /** The sheet of the indicator table (or of the tasks when there is no indicator table). */
  sheetName: string;
  headerRow: number;
  targetColumns: { year: number; isPhaseEnd: boolean; column: string; header: string }[];
  goals: { code: string; title: string; indicators: { code: string; title: string; measures: PlanImportMeasure[] }[] }[];
  measureCount: number;
  /** The tasks found (a task table, or numbered activities), null when the file has none. */
  tasks: {
    sheetName: string;
    layout: 'table' | 'activities';
    headerRow: number;
    columns: { field: 'code' | 'content' | 'lead' | 'cooperating' | 'timeframe' | 'product'; column: string; header: string }[];
    groups: { code: string; title: string; tasks: PlanImportTask[] }[];
  } | null;
  taskCount: number;
  /** Every agency named, matched or not: an unmatched one must be mapped, created or kept as a name only. */
  agencies: PlanImportAgency[];
  /** The unit that issued the plan, guessed from its title; it leads activities that name no lead. */
  issuer: { unitId: number; name: string; why: string } | null;
  /** Who reports on activities that name no cooperating units: the issuer's districts or communes. */
  activityReporters: { group: AgencyGroup; why: string } | null;
  problems: ImportProblem[];
  /** Title and years guessed from the sheet, for the confirm form. */
  guessedTitle: string;
  guessedYears: { from: number; to: number; why: string; sure: boolean } | null;
}

export interface PeriodDto {
  id: number;
  /** The period's own plan; `planIds` lists it first, then the other plans it collects. */
  planId: number;
  planTitle: string;
  planIds: number[];
  /** Every plan's title, in the same order. */
  planTitles: string[];
  year: number;
  kind: PeriodKind;
  name: string;
  dataFrom: string;
  dataTo: string;
  parentUnitId: number | null;
  /** The compiling unit's name on the period's cut-off date. */
  parentUnitName: string | null;
  deadlines: { level: DeadlineLevel; dueOn: string }[];
  reportCount: number;
  /** When the compiled report was sent to the level above (the period is locked since). */
  submittedAt: string | null;
  submittedBy: string | null;
}

export interface UnitReportStatus {
  unitId: number;
  unitCode: string;
  /** The unit's name on the period's cut-off date. */
  unitName: string;
  unitKind: UnitKind;
  level: DeadlineLevel;
  dueOn: string;
  status: ReportStatus;
  late: boolean;
  receivedAt: string | null;
  revision: number | null;
  reportId: number | null;
  fileName: string | null;
  problemCount: number;
  /** Figures of the current report with a warning the compiler has not marked checked. */
  toCheck: number;
  /** What the unit reports in this period: the codes of its measures and the keys of its tasks (I.3, …). */
  owes: { measures: string[]; tasks: string[] };
}

/** One problem of a unit's report as the review desk shows it: which indicator, which cell in the unit's file and in the grid. */
export interface ReviewItem {
  severity: ImportProblem['severity'];
  message: string;
  /** The message without the file's name in front. */
  detail: string;
  measureCode: string | null;
  measureName: string | null;
  /** The part of a broken-down measure ("Nam · Dưới 6 tuổi"), null for the total. */
  partLabel: string | null;
  /** The cell in the unit's Excel file (E12). */
  templateCell: string | null;
  /** The same figure's cell in the entry grid (E3). */
  gridCell: string | null;
  /** The figure it is about, to mark its cell in the grid. */
  at?: ImportProblem['at'];
  /** A figure to check: null until the compiler marks it checked; undefined when there is nothing to mark. */
  check?: { checkedAt: string; checkedBy: string } | null;
}

export interface UnitReview {
  periodId: number;
  unitId: number;
  unitName: string;
  /** The unit's latest file when it was refused after its current report (nothing of it was kept). */
  rejected: { fileName: string; at: string; items: ReviewItem[] } | null;
  /** The current report, with its warnings and notes. */
  report: { reportId: number; revision: number; fileName: string | null; at: string; status: string; items: ReviewItem[] } | null;
  /** Warnings of the current report not yet marked checked. */
  toCheck: number;
  /** What to send the unit (e-mail, Zalo): the errors to correct and the figures to confirm, by cell. */
  copyText: string;
}

export interface PeriodStatus {
  period: PeriodDto;
  today: string;
  /** The next due date on or after today, if any. */
  nextDue: string | null;
  units: UnitReportStatus[];
  counts: Record<ReportStatus | 'late', number>;
}

/** A file the backend made, to save or show: its name and bytes (base64). */
export interface FileDownload {
  fileName: string;
  dataBase64: string;
}

/** A sent file: base64 bytes in the call, or the id the web host gave a file streamed to it. */
export type FileUpload = { fileName: string; dataBase64: string; uploadId?: undefined } | { fileName: string; uploadId: string; dataBase64?: undefined };

export interface ImportFileResult {
  fileName: string;
  /** imported; rejected (errors, nothing written); or waiting for the user to confirm a match or a replacement. */
  outcome: 'imported' | 'rejected' | 'needs_confirmation' | 'needs_replace';
  periodId: number | null;
  periodName: string | null;
  unitId: number | null;
  unitName: string | null;
  reportId: number | null;
  revision: number | null;
  sha256: string;
  problems: ImportProblem[];
  /** For needs_replace: the report that would be replaced. */
  current: { revision: number; receivedAt: string; fileName: string | null } | null;
  /** A file refused because it belongs to another period: that period, so the user can switch and import it there. */
  otherPeriod?: { id: number; name: string };
}

export interface ReportValueDto {
  measureId: number;
  measureCode: string;
  optionComboId: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  textValue: string | null;
}

export interface ReportDto {
  id: number;
  periodId: number;
  unitId: number;
  unitName: string;
  revision: number;
  isCurrent: boolean;
  status: 'received' | 'valid' | 'approved';
  source: 'file' | 'typed' | 'merge';
  receivedAt: string;
  fileName: string | null;
  fileSha256: string | null;
  warnings: ImportProblem[];
  values: ReportValueDto[];
  narratives: Record<string, string>;
  taskProgress: TaskReport[];
  revisions: { id: number; revision: number; receivedAt: string; fileName: string | null; isCurrent: boolean }[];
}

export interface EntryMeasure {
  id: number;
  code: string;
  name: string;
  goalCode: string;
  indicatorCode: string;
  unitLabel: string;
  valueKind: ValueKind;
  rateFactor: RateFactor | null;
  target: string;
  /** The parts to fill under the total, in reading order; null without breakdown. */
  breakdown: { name: string; combos: { id: number; key: string; label: string }[] } | null;
  /** What a rate's numerator and denominator are ('' when the plan does not say). */
  numeratorLabel: string;
  denominatorLabel: string;
  /** A measure of change takes a negative result. */
  allowsNegative: boolean;
  /** The decimals its figures are shown with. */
  displayDecimals: number;
}

export interface EntryValue {
  measureId: number;
  /** A part of a broken-down measure; absent for the total. */
  optionComboId?: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  textValue: string | null;
  note: string | null;
}

export interface ReportEntry {
  period: PeriodDto;
  unit: { id: number; name: string; code: string };
  measures: EntryMeasure[];
  tasks: { id: number; key: string; content: string; role: 'lead' | 'cooperating'; timeframe: string }[];
  report: { id: number; revision: number; source: 'file' | 'typed' | 'merge'; status: string; receivedAt: string; fileName: string | null } | null;
  values: EntryValue[];
  narratives: Record<string, string>;
  /** What the unit said of each of its tasks, by task id. */
  taskProgress: Record<number, TaskReport>;
  /** Why the report cannot be changed now (its approval, or the period submitted), or null. */
  lock: { kind: 'report' | 'period'; message: string } | null;
}

export interface MergeCell {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** Set when the unit sent no figure itself: rolled up from this many reports of units under it. */
  derivedFrom?: number;
  /** With derivedFrom: of how many units under it (2 of 3 communes reported). */
  derivedOf?: number;
}

/** A unit's figure a year earlier: its own, or (after a merger) its predecessors' rolled up. */
export interface PreviousCell extends MergeCell {
  /** Names of the predecessors whose figures were combined, when not the unit itself. */
  fromUnits: string[] | null;
  /** Why there is no comparable figure (split unit, a predecessor without data). */
  note: string | null;
}

export interface MergeRow extends Pick<MeasureDto, 'code' | 'name' | 'unitLabel' | 'valueKind' | 'rateFactor' | 'direction' | 'rollup' | 'leadUnitId' | 'leadUnitName' | 'catalogueIndicator' | 'reporters' | 'numeratorLabel' | 'denominatorLabel' | 'displayDecimals'> {
  measureId: number;
  goalCode: string;
  goalTitle: string;
  indicatorCode: string;
  indicatorTitle: string;
  targetText: string;
  target: { value: number; valueMax: number | null } | null;
  /** Every unit's value in the period's tree (children, and the units under them), by unit id. */
  cells: Record<number, MergeCell>;
  /** The merged value: the override when there is one, else the roll-up. */
  total: MergeCell;
  /** What the roll-up computed, before any override. */
  computed: MergeCell;
  /** `stale`: the roll-up changed since the override was set (what it was then, what it is now). */
  override: { value: number | null; reason: string; by: string; at: string; stale: { computedThen: number | null; computedNow: number | null } | null } | null;
  overrideHistory: { value: number | null; computedValue: number | null; reason: string; by: string; at: string; current: boolean }[];
  contributing: number[];
  /** Units whose figure was given but is not in the total (see excludedReasons). */
  excluded: number[];
  /** Why each excluded unit's figure is not counted. */
  excludedReasons: Record<number, string>;
  /** What units wrote beside their figure ("Ghi chú"), by unit id. */
  notes: Record<number, string>;
  /** Units whose figure has a warning (outside its range, far from last time) not yet marked checked. */
  toCheck: number[];
  /** Contributing units whose report (or, for a unit that sent none, a report under it) is not yet approved. */
  unapproved: number[];
  /** Units expected to give this measure that have not. */
  missing: number[];
  assessment: Assessment;
  previous: { value: number | null; periodName: string } | null;
  /** The same figure a year earlier for each unit of the tree, through predecessors where units merged. */
  previousByUnit: Record<number, PreviousCell>;
  /** A broken-down measure's parts, each rolled up like the total; null without breakdown. */
  breakdown: MergeBreakdown | null;
}

/** One measure's figures for units the view left out (see MergeView.cellsOf). */
export interface MergeCells {
  measureId: number;
  cells: MergeRow['cells'];
  previousByUnit: MergeRow['previousByUnit'];
}

export interface MergeBreakdown {
  name: string;
  categories: { name: string; options: string[] }[];
  parts: {
    comboId: number;
    key: string;
    label: string;
    /** One option name per category. */
    options: string[];
    /** The compiling unit's figure for this part. */
    total: MergeCell;
    /** Every unit's figure for this part, by unit id (empty unless `cellsIncluded`). */
    cells: Record<number, MergeCell>;
  }[];
  /** Units that gave the total without its parts (so the parts need not add up to the total). */
  withoutBreakdown: number[];
  /** Whether the parts' cells by unit are here; the merge screen asks for them with merge-breakdown when a measure is opened. */
  cellsIncluded: boolean;
}

export interface MergeView {
  period: PeriodDto;
  parentUnitId: number;
  parentUnitName: string;
  /**
   * Whose figures the rows' `cells` and `previousByUnit` hold: every unit of the tree, or — for a
   * tree too large to send whole (the ministry's 3.321 communes) — only the children; the others
   * come with `merge-cells` when a unit's communes or a measure's detail are opened.
   */
  cellsOf: 'all' | 'children';
  units: { id: number; name: string; kind: UnitKind; reported: boolean; late: boolean; status: ReportStatus }[];
  /** Every unit under the compiling unit on the cut-off date, parents first (depth 1 = the children). */
  tree: { id: number; name: string; kind: UnitKind; parentId: number; depth: number; isSample: boolean; reported: boolean }[];
  /** Territorial levels: 3 for province → districts → communes, 2 for province → communes. */
  tiers: number;
  rows: MergeRow[];
  completeness: { expected: number; reported: number; missing: string[]; late: string[] };
  /** "Chưa có số liệu của: …" when units are missing ("lấy tổng của 2/3 xã" for those whose communes reported), else null. */
  missingText: string | null;
  /** The level above's period that expects this report, when the data has one (then "Xuất tệp gửi cấp trên" makes its file). */
  upstream: { periodId: number; name: string; parentUnitName: string } | null;
  /** Whether only approved reports count (a setting). */
  countApprovedOnly: boolean;
  /** With countApprovedOnly: the units whose reports wait for approval and are left out. */
  notCounted: string[];
  /** Sections I–IV: what each unit wrote, and the draft to rewrite (the saved text once saved). */
  narratives: { key: string; label: string; parts: { unitName: string; text: string }[]; draft: string }[];
  /** Task progress by task (with its lead agency): the lead's report first, the cooperating units' after, each named; the lead's status; the draft. */
  tasks: {
    taskId: number;
    key: string;
    content: string;
    leadName: string;
    /** Where the task stands, as its lead said (null when the lead has not reported it). */
    status: TaskStatus | null;
    /** 'units' when the lead is the compiling unit itself: the status is combined from the units' reports. */
    statusFrom: 'lead' | 'units';
    parts: { unitName: string; role: 'lead' | 'cooperating'; text: string; status: TaskStatus | null; events: number | null; participants: number | null; funds: number | null }[];
    draft: string;
  }[];
  /** How many tasks stand where, by their lead's report ('no_report' when the lead said nothing). */
  taskCounts: Record<TaskStatus | 'no_report', number>;
  /** The compiling unit's own report made from this merge, once saved. */
  saved: { reportId: number; revision: number; savedAt: string } | null;
  /** When the period collects several plans: each plan's title and its goals' codes and tasks' keys ([] for one plan). */
  sections: { title: string; goalCodes: string[]; taskKeys: string[] }[];
}

/** What an official document needs besides its content (set per organisation, changed per report). */
export interface DocumentSettings {
  /** `UBND TỈNH KON TUM` */
  parentBody: string;
  /** `SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI` */
  issuingBody: string;
  /** `BC-SLĐTBXH`, as in `Số: 15/BC-SLĐTBXH` */
  symbol: string;
  number: string;
  place: string;
  /** ISO date of the document. */
  date: string;
  subject: string;
  /** `Nơi nhận`, one per line (the last usually `Lưu: VT, ...`). */
  recipients: string[];
  /** `KT. GIÁM ĐỐC` */
  authority: string;
  /** `PHÓ GIÁM ĐỐC` */
  signerTitle: string;
  signerName: string;
  /** The signer's handwritten signature: a transparent PNG, base64 (kept for the organisation's documents). */
  signatureImage?: string | null;
  /** The organisation's seal: a transparent PNG, base64. */
  sealImage?: string | null;
  /** The seal's real diameter in mm (35 unless set). */
  sealSizeMm?: number;
}

export interface BackupDto {
  fileName: string;
  /** ISO time (UTC) the backup was made. */
  createdAt: string;
  reason: BackupReason;
  /** Why it was made, in Vietnamese. */
  label: string;
  sizeBytes: number;
}

/** One step in a value's life, oldest first. */
export interface ValueHistoryEntry {
  at: string;
  /** Who did it (the user name in Settings at the time); empty when none was set. */
  userName: string;
  /** file: a received file; typed: typed in TongHop; override: the compiler replaced the roll-up; approve/unlock: the report's state. */
  kind: 'file' | 'typed' | 'override' | 'approve' | 'unlock' | 'cleared';
  revision: number | null;
  fileName: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  textValue: string | null;
  note: string | null;
  reason: string | null;
}

/** The two signatures of an electronic administrative document (NĐ 30/2020): the signer's and the issuing organisation's. */
export type SignatureRole = 'signer' | 'organisation';

/** A signed PDF a unit sent with its Excel file, and its signatures checked again from the kept bytes. */
export interface ReceivedPdfDto {
  id: number;
  fileName: string;
  receivedAt: string;
  receivedBy: string;
  size: number;
  sha256: string;
  signatures: SignatureCheck[];
  /** Why the PDF could not be read to check its signatures (it is kept all the same). */
  unreadable: string | null;
}

/** One signature of a PDF, as Kiểm tra chữ ký shows it. */
export interface SignatureCheck {
  field: string;
  role: SignatureRole | null;
  commonName: string | null;
  organisation: string | null;
  /** The signing time the signature gives (/M, else the CMS signingTime), ISO 8601. */
  signedAt: string | null;
  reason: string | null;
  /** The signed bytes are those in the file now (digest matches, signature verifies with the certificate). */
  intact: boolean;
  /** The signature's byte range reaches the end of the file. */
  coversWholeFile: boolean;
  /** Bytes were added after it that no later signature covers. */
  changedAfter: boolean;
  certificateValidAtSigning: boolean | null;
  /** The time of an RFC 3161 timestamp over this signature (PAdES B-T), ISO 8601; null when it has none. The TSA's own signature is not checked here. */
  timestampedAt: string | null;
  pades: { signingCertificateV2: boolean; signingTimeAttribute: boolean };
  /** What is wrong, in Vietnamese; empty when nothing is. */
  problems: string[];
}

/** A certificate on a USB token, as the signing dialog lists it. */
export interface TokenCertificateDto {
  tokenLabel: string;
  /** CKA_ID, hex. */
  id: string;
  label: string;
  commonName: string | null;
  organisation: string | null;
  validTo: string;
}

/** A chart drawn on the backend (Apache ECharts, SVG): the same picture on the screen and in the PDF. */
export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

/** What a chart is about, in the words it is titled and explained with. */
export interface ChartMeasure {
  measureId: number;
  code: string;
  name: string;
  unitLabel: string;
  displayDecimals: number;
  direction: Direction;
  /** "càng thấp càng tốt" … */
  directionText: string;
}

/** A measure over the periods of its phase, for the compiling unit, with its targets. */
export interface TrendChart extends ChartMeasure {
  compiledBy: string;
  /** Which periods are shown and why ("Các kỳ báo cáo năm của Tỉnh Kon Tum, 2021–2025: giai đoạn của kế hoạch"). */
  scopeText: string;
  points: TrendPoint[];
  phaseTargets: TargetPoint[];
  chart: ChartSvg;
}

/** One measure across the units of a period, best first, coloured by assessment. */
export interface UnitsChart extends ChartMeasure {
  periodName: string;
  targetText: string;
  target: { value: number; valueMax: number | null } | null;
  /** How the bars are ordered ("cao nhất trước" …) and what a rate is computed from. */
  sortText: string;
  bars: UnitBar[];
  withoutData: string[];
  chart: ChartSvg;
}

/** Tổng quan: the working period at a glance. */
export interface Dashboard {
  period: PeriodDto;
  compiledBy: string;
  /** The measures judged, and how many of them have a figure. */
  measureCount: number;
  withData: number;
  goals: GoalSummary[];
  /** The phase end the progress is measured against (2025, 2030), or null when no measure has one. */
  phaseYear: number | null;
  received: { days: ReceiptDay[]; expected: number; deadlines: { level: DeadlineLevel; dueOn: string }[]; late: number };
  furthest: (FurthestMeasure & { gapText: string })[];
  charts: { goals: ChartSvg | null; phase: ChartSvg | null; received: ChartSvg; furthest: ChartSvg | null };
}

/** A unit to remind: it has sent nothing, or its last file was refused for errors. */
export interface OwingUnit {
  unitId: number;
  unitName: string;
  unitKind: UnitKind;
  status: 'missing' | 'has_errors';
  dueOn: string;
  late: boolean;
  /** What its form holds (codes of measures, keys of tasks). */
  owes: { measures: string[]; tasks: string[] };
  /** In words: "12 chỉ tiêu (1.1, …) và 2 nhiệm vụ (I.1, II.3)", or the errors of its refused file. */
  owedText: string;
  /** The refused file's errors, one line each (has_errors). */
  errors: string[];
  /** The message to paste into e-mail or Zalo. */
  message: string;
  /** When it was reminded before, newest first. */
  reminded: { at: string; channel: ReminderChannel }[];
}

export type ReminderChannel = 'message' | 'letter';

export interface ReminderEntry {
  id: number;
  channel: ReminderChannel;
  sentAt: string;
  sentBy: string;
  documentNumber: string | null;
  newDueOn: string | null;
  units: { unitId: number; unitName: string; owed: string }[];
}

/** "Nhắc đơn vị": who still owes the period's report, and what was sent to whom. */
export interface ReminderList {
  period: PeriodDto;
  today: string;
  remindDaysBefore: number;
  /** The deadline it is about, days left (negative once passed), and whether the home screen offers it now. */
  dueOn: string | null;
  daysLeft: number | null;
  open: boolean;
  units: OwingUnit[];
  history: ReminderEntry[];
  /** What the công văn đôn đốc starts from: the report's document settings as a letter (number empty, today, the symbol without "BC-"), and a new deadline. */
  letter: { document: DocumentSettings; newDueOn: string };
  /** Each unit of the period: when it was reminded and when its first and latest files came. */
  timeline: { unitId: number; unitName: string; reminded: string[]; firstReceived: string | null; lastReceived: string | null }[];
}

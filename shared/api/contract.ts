/**
 * The one API contract between the renderer and the backend: every method's name,
 * its argument schema (validated at the boundary) and its result type.
 * Both adapters (Electron IPC, local HTTP host) carry exactly this.
 */
import { z } from 'zod';
import { DIRECTIONS, RATE_FACTORS, ROLLUPS, VALUE_KINDS } from '../domain/measure';
import { ISO_DATE, UNIT_KINDS, isRealDate } from '../domain/org-units';
import { DEADLINE_LEVELS, PERIOD_KINDS } from '../domain/periods';
import { NARRATIVE_SECTIONS, type NarrativeKey } from '../domain/narratives';
import { DUTIES } from '../domain/reorganisation';
import { OPTION_CODE } from '../domain/breakdown';
import { ANNEXES, INDICATOR_CODE } from '../domain/catalogue';
import { REPORTERS } from '../domain/who-reports';
import { TASK_STATUSES } from '../domain/task-status';
import type { AuditVerdict } from '../domain/audit-text';
import type {
  UnitReview,
  AppInfo,
  BackupDto,
  BreakdownDto,
  CategoryDto,
  CatalogueDto,
  CatalogueImportPreview,
  CatalogueIndicatorDto,
  DocumentSettings,
  FileDownload,
  ReceivedPdfDto,
  SignatureCheck,
  TokenCertificateDto,
  ImportFileResult,
  MergeBreakdown,
  MergeCells,
  Dashboard,
  ReminderEntry,
  ReminderList,
  TrendChart,
  UnitsChart,
  MergeView,
  ReportDto,
  ReportEntry,
  GoalDto,
  IndicatorDto,
  MeasureDto,
  PlanDetail,
  PlanImportPreview,
  PeriodDto,
  PeriodStatus,
  PlanSummary,
  OrgChangeDto,
  ReorgResult,
  Settings,
  UnitDto,
  ValueHistoryEntry,
} from './types';

const id = z.number().int().positive();
const unlockReason = z.string().trim().min(5, 'cần ghi lý do mở khoá (ít nhất 5 ký tự)').max(1000);
const BACKUP_FILE = /^tonghop-\d{8}-\d{9}-[a-z_]+\.sqlite$/;
/** A whole database file sent as base64: 200 MB of file at most. */
export const MAX_DATABASE_BASE64 = 280_000_000;
const isoDate = z
  .string()
  .regex(ISO_DATE, 'ngày phải có dạng YYYY-MM-DD')
  .refine(isRealDate, 'ngày không có thật');
const text = (max: number) => z.string().trim().max(max);
const required = (max: number, what: string) => z.string().trim().min(1, `cần nhập ${what}`).max(max);
const year = z.number().int().min(1990).max(2100);
const optionCode = (what: string) => z.string().trim().regex(OPTION_CODE, `${what} chỉ gồm chữ không dấu, số, _ và - (tối đa 20 ký tự)`);
const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const newUnit = z.object({
  code: required(40, 'mã đơn vị').regex(/^[A-Za-z0-9._-]+$/, 'mã đơn vị chỉ gồm chữ không dấu, số và . _ -'),
  name: required(200, 'tên đơn vị'),
  kind: z.enum(keys(UNIT_KINDS)),
  parentId: id.nullable(),
});
/** In a reorganisation a new unit's code may be left out: one is made from its name. */
const reorgUnit = newUnit.extend({ code: newUnit.shape.code.optional() });
const reorgStep = z.discriminatedUnion('op', [
  z.object({ op: z.literal('create'), unit: reorgUnit }),
  z.object({ op: z.literal('rename'), unitId: id, name: required(200, 'tên mới') }),
  z.object({ op: z.literal('move'), unitIds: z.array(id).min(1).max(2000), parentId: id.nullable() }),
  z.object({ op: z.literal('dissolve'), unitId: id, childrenTo: id.nullable() }),
  z.object({ op: z.literal('merge'), sourceIds: z.array(id).min(1).max(500), into: z.union([z.object({ unitId: id }), z.object({ unit: reorgUnit })]) }),
  z.object({ op: z.literal('split'), unitId: id, parts: z.array(reorgUnit.extend({ childIds: z.array(id).max(2000) })).min(2, 'chia tách cần ít nhất 2 đơn vị mới').max(50) }),
  z.object({ op: z.literal('transfer'), duty: z.enum(keys(DUTIES)), fromId: id, toId: id }),
]);

const targetInput = z.object({
  year,
  isPhaseEnd: z.boolean(),
  /** As the user typed it: `16,8`, `2,0-3,0`, `512/100.000`. */
  text: required(40, 'giá trị chỉ tiêu'),
});

const planFields = z.object({
  number: text(60),
  title: required(500, 'tên kế hoạch'),
  issuerName: text(200),
  issuedOn: isoDate.nullable(),
  yearFrom: year,
  yearTo: year,
  parentPlanId: id.nullable(),
  /** The unit that issued the plan: it leads activities that name no lead. Left out: none (or unchanged). */
  issuerUnitId: id.nullable().optional(),
});

/** A USB token's PKCS#11 library, the token and the certificate on it. */
const tokenChoice = z.object({
  library: required(500, 'thư viện của thiết bị ký số'),
  tokenLabel: z.string().max(64).optional(),
  certificateId: z.string().regex(/^[0-9a-f]{0,128}$/, 'mã chứng thư không hợp lệ').optional(),
});

/** The key that signs: a .p12/.pfx and its password, or a USB token and its PIN (never kept). */
const signingKey = z.object({
  p12Base64: z.string().min(1).max(200_000, 'tệp chữ ký số quá lớn').optional(),
  password: z.string().max(500).optional(),
  token: tokenChoice.extend({ pin: z.string().min(1, 'cần mã PIN của thiết bị ký số').max(64) }).optional(),
});
/** Sign as the signer, as the organisation, or both (in that order), each with its own key. */
const signBoth = z
  .object({ signer: signingKey.optional(), organisation: signingKey.optional() })
  .refine((s) => s.signer || s.organisation, 'chọn người ký hoặc cơ quan ký');


/** A transparent PNG (signature or seal image), base64: 2 MB at most. */
const pngImage = z.string().max(2_800_000, 'ảnh quá lớn (tối đa 2 MB)').regex(/^iVBORw0KGgo[A-Za-z0-9+/=]*$/, 'ảnh phải là tệp PNG');

/** A file the web host staged from a raw upload (POST /api/upload), named by its id. */
const uploadId = z.string().regex(/^[0-9a-f]{32}$/, 'mã tệp gửi lên không hợp lệ');
/** A sent file: its bytes as base64 in the call (IPC, CLI), or the id of a file streamed to the web host before. One of the two. */
const fileUpload = z.object({
  fileName: required(260, 'tên tệp'),
  /** File bytes, base64. 30 MB of file at most. */
  dataBase64: z.string().max(40_000_000, 'tệp quá lớn (tối đa 30 MB)').optional(),
  uploadId: uploadId.optional(),
});

const figure = (what: string, whole: boolean) => (whole ? z.number().int(`${what} phải là số nguyên`) : z.number().finite()).min(0, `${what} không được âm`).nullable().optional();
const taskReport = z.object({
  taskId: id,
  progress: z.string().max(20_000),
  status: z.enum(keys(TASK_STATUSES), 'tình trạng phải là Đã hoàn thành, Đang thực hiện, Chưa thực hiện hoặc Không phát sinh').nullable().optional(),
  events: figure('số hoạt động', true),
  participants: figure('số người tham gia', true),
  funds: figure('kinh phí', false),
});

const catalogueFields = z.object({
  code: required(30, 'tên viết tắt của bộ chỉ tiêu').regex(/^[A-Za-z0-9._-]+$/, 'tên viết tắt chỉ gồm chữ không dấu, số và . _ -'),
  title: required(500, 'tên bộ chỉ tiêu'),
  document: text(200),
  issuedOn: isoDate.nullable(),
  note: text(2000),
  isSample: z.boolean(),
});

const catalogueIndicator = z.object({
  annex: z.enum(ANNEXES, 'phụ lục phải là I, II, III, IV, V hoặc VI'),
  code: z.string().regex(INDICATOR_CODE, 'mã số gồm 4 chữ số, ví dụ 0101').nullable(),
  groupCode: text(10),
  groupName: text(300),
  name: required(500, 'tên chỉ tiêu'),
  unitLabel: text(60),
  concept: text(5000),
  numerator: text(1000),
  denominator: text(1000),
  factor: z.number().refine((f) => [100, 1000, 10000, 100000].includes(f), 'hệ số phải là 100, 1.000, 10.000 hoặc 100.000').nullable(),
  breakdowns: text(1000),
  period: text(100),
  source: text(500),
  leadBody: text(500),
  cooperatingBodies: text(1000),
  note: text(2000),
});

const periodFields = z.object({
  planId: id,
  parentUnitId: id,
  kind: z.enum(keys(PERIOD_KINDS)),
  year,
  name: required(200, 'tên kỳ báo cáo'),
  dataFrom: isoDate,
  dataTo: isoDate,
  deadlines: z.array(z.object({ level: z.enum(keys(DEADLINE_LEVELS)), dueOn: isoDate })).min(1).max(3),
  /** Other plans the period collects in the same report, in order; left out: unchanged (none for a new period). */
  extraPlanIds: z.array(id).max(10, 'một kỳ gộp tối đa 10 kế hoạch').optional(),
});

const documentSettings = z.object({
  parentBody: text(200),
  issuingBody: required(200, 'tên cơ quan ban hành'),
  symbol: text(60),
  number: text(20),
  place: required(100, 'địa danh'),
  date: isoDate,
  subject: required(500, 'trích yếu nội dung báo cáo'),
  recipients: z.array(text(300)).max(40),
  authority: text(100),
  signerTitle: text(100),
  signerName: text(100),
  /** The signer's handwritten signature (blue, transparent PNG), placed between the title and the name. */
  signatureImage: pngImage.nullable().optional(),
  /** The organisation's seal (red, transparent PNG), printed at its real size over the signature. */
  sealImage: pngImage.nullable().optional(),
  /** The seal's real diameter in mm (NĐ 30: real size). */
  sealSizeMm: z.number().min(20, 'con dấu ít nhất 20 mm').max(60, 'con dấu tối đa 60 mm').optional(),
});

export const apiMethods = {
  'app-info': z.object({}),
  'settings-get': z.object({}),
  /** Checks the audit trail's hash chain and says where it breaks. */
  'audit-verify': z.object({}),
  'settings-set': z.object({
    userName: text(100),
    organisationName: text(200),
    place: text(100),
    countApprovedOnly: z.boolean().optional(),
    /** RFC 3161 Time-Stamp Authority, http(s) only; '' for none. */
    tsaUrl: z.union([z.literal(''), z.string().trim().max(500).regex(/^https?:\/\/[^\s]+$/i, 'địa chỉ máy chủ dấu thời gian phải bắt đầu bằng http:// hoặc https://')]).optional(),
    remindDaysBefore: z.number().int('số ngày nhắc phải là số nguyên').min(0, 'số ngày nhắc không được âm').max(60, 'số ngày nhắc tối đa là 60').optional(),
  }),
  'demo-load': z.object({}),

  'plan-list': z.object({}),
  'plan-get': z.object({ id }),
  'plan-create': planFields,
  'plan-update': planFields.extend({ id }),
  'plan-delete': z.object({ id }),
  /** issuerUnitId: the unit the user says issued the plan (else guessed from its title); yearFrom: its first year (else from its title). */
  'plan-import-preview': fileUpload.extend({ issuerUnitId: id.nullable().optional(), yearFrom: year.optional() }),
  'plan-import-commit': fileUpload.extend({
    plan: planFields,
    /** Corrections of inferred directions, by the measure's row in the file. */
    directions: z.array(z.object({ row: z.number().int().min(1), direction: z.enum(keys(DIRECTIONS)) })).max(2000).optional(),
    /** What each agency the file names stands for, where the user decided: a unit, a new unit, or none (kept as a name). */
    agencies: z
      .array(z.object({ text: required(500, 'tên cơ quan'), unitId: id.nullable(), create: z.object({ name: required(200, 'tên đơn vị'), kind: z.enum(keys(UNIT_KINDS)), parentId: id.nullable() }).optional() }))
      .max(500)
      .optional(),
  }),

  'task-group-save': z.object({ id: id.optional(), planId: id, code: required(10, 'số thứ tự nhóm'), title: required(500, 'tên nhóm nhiệm vụ') }),
  'task-group-delete': z.object({ id }),
  'task-save': z.object({
    id: id.optional(),
    groupId: id,
    code: required(10, 'số thứ tự nhiệm vụ'),
    content: required(10_000, 'nội dung nhiệm vụ'),
    leadUnitId: id.nullable(),
    cooperatingUnitIds: z.array(id).max(2000),
    cooperatingText: text(2000),
    timeframe: text(500),
    product: text(1000),
  }),
  'task-move': z.object({ id, direction: z.enum(['up', 'down']) }),
  'task-delete': z.object({ id }),
  'goal-save': z.object({ id: id.optional(), planId: id, code: required(10, 'số thứ tự mục tiêu'), title: required(500, 'nội dung mục tiêu') }),
  'goal-delete': z.object({ id }),
  'indicator-save': z.object({ id: id.optional(), goalId: id, code: required(20, 'số chỉ tiêu'), title: required(500, 'nội dung chỉ tiêu') }),
  'indicator-delete': z.object({ id }),
  'measure-save': z.object({
    id: id.optional(),
    indicatorId: id,
    code: text(20),
    name: required(500, 'tên chỉ số'),
    unitLabel: required(30, 'đơn vị tính'),
    valueKind: z.enum(keys(VALUE_KINDS)),
    rateFactor: z.union([z.literal(RATE_FACTORS[0]), z.literal(RATE_FACTORS[1]), z.literal(RATE_FACTORS[2])]).nullable(),
    direction: z.enum(keys(DIRECTIONS)),
    rollup: z.enum(keys(ROLLUPS)),
    leadUnitId: id.nullable(),
    cooperatingUnitIds: z.array(id).max(500),
    /** Who reports it; null: the roll-up rule's default; left out: unchanged. */
    reporters: z.enum(keys(REPORTERS)).nullable().optional(),
    numeratorLabel: text(300).optional(),
    denominatorLabel: text(300).optional(),
    /** A measure of change takes negative figures; left out: unchanged. */
    allowsNegative: z.boolean().optional(),
    /** Decimals to show (null: from the targets); left out: unchanged. */
    decimals: z.number().int().min(0, 'số chữ số thập phân từ 0 đến 6').max(6, 'số chữ số thập phân từ 0 đến 6').nullable().optional(),
    /** The plausible range (null: from the unit); left out: unchanged. */
    minValue: z.number().finite().nullable().optional(),
    maxValue: z.number().finite().nullable().optional(),
    /** The statistical indicator (bộ chỉ tiêu thống kê) the measure reports; null for none; left out: unchanged. */
    catalogueIndicatorId: id.nullable().optional(),
    /** The categories to break the measure down by, in order; [] for none; left out: unchanged. */
    categoryIds: z.array(id).max(3, 'một chỉ số phân tổ theo tối đa 3 nhóm').optional(),
    targets: z.array(targetInput).max(40),
  }),
  'measure-delete': z.object({ id }),
  /** Who reports several measures at once (null: each one's default). */
  'measure-reporters-set': z.object({ measureIds: z.array(id).min(1, 'chưa chọn chỉ số nào').max(2000), reporters: z.enum(keys(REPORTERS)).nullable() }),
  'breakdown-list': z.object({}),
  'category-list': z.object({}),
  'category-save': z.object({
    id: id.optional(),
    code: optionCode('mã nhóm'),
    name: required(100, 'tên nhóm phân tổ'),
    note: text(500),
    /** From when a renamed option has its new name (default: today); reports before keep the old name. */
    effectiveOn: isoDate.optional(),
    options: z
      .array(z.object({ id: id.optional(), code: optionCode('mã giá trị'), name: required(100, 'tên giá trị'), retired: z.boolean().optional() }))
      .min(1, 'nhóm phân tổ cần ít nhất một giá trị')
      .max(200, 'tối đa 200 giá trị trong một nhóm'),
  }),
  'category-delete': z.object({ id }),

  'catalogue-list': z.object({}),
  'catalogue-save': catalogueFields.extend({ id: id.optional() }),
  'catalogue-delete': z.object({ id }),
  'catalogue-indicator-save': catalogueIndicator.extend({ id: id.optional(), catalogueId: id }),
  'catalogue-indicator-delete': z.object({ id }),
  'catalogue-import-preview': fileUpload,
  /** Into a new catalogue, or (catalogueId) into an existing one: indicators matched by annex and code are updated, links kept. */
  'catalogue-import-commit': fileUpload.extend({ catalogueId: id.optional(), catalogue: catalogueFields }),
  /** A period's compiled values in the catalogue's layout: code, name, each breakdown category as a column. */
  'catalogue-export': z.object({ periodId: id, catalogueId: id }),

  'period-list': z.object({ planId: id.optional() }),
  'period-get': z.object({ id }),
  'period-create': periodFields,
  'period-update': periodFields.extend({ id }),
  /** A period that received reports is deleted only with `withReports` (after a backup). */
  'period-delete': z.object({ id, withReports: z.literal(true).optional() }),
  /** Without an id: the working period (the one chosen last), else the one with the next deadline. */
  'period-status': z.object({ id: id.optional(), today: isoDate.optional() }),
  /** The period the user works on, kept across screens and restarts. */
  'working-period-get': z.object({}),
  'working-period-set': z.object({ periodId: id }),

  'template-build': z.object({ periodId: id, unitId: id }),
  'template-build-all': z.object({ periodId: id }),
  'report-import': z.object({
    files: z.array(fileUpload).min(1).max(500),
    periodId: id.optional(),
    unitId: id.optional(),
    /** The user confirmed replacing the unit's current report (kept as an earlier revision). */
    replace: z.boolean().optional(),
    /** The user confirmed the unit matched for a file whose metadata sheet was lost. */
    confirmMatch: z.boolean().optional(),
    /** Files sent one by one as one batch share this id: one backup before the batch. */
    batchId: z.string().max(100).optional(),
  }),
  'report-get': z.object({ id }),
  'report-approve': z.object({ id }),
  /** Approves every current report of the period with nothing left to check. */
  'report-approve-all': z.object({ periodId: id }),
  /** A unit's latest refused file and its current report's warnings, by cell, with a text for the unit. */
  'report-review': z.object({ periodId: id, unitId: id }),
  /** Marks a warning of a report checked (or takes the mark back). */
  'report-warning-check': z.object({ reportId: id, message: z.string().min(1).max(4000), checked: z.boolean() }),
  /** Takes back an approval, with the reason (kept in the audit trail). */
  'report-unlock': z.object({ id, reason: unlockReason }),
  /** The compiling unit sent its report up: the period's data is locked. */
  'period-submit': z.object({ id }),
  'period-unlock': z.object({ id, reason: unlockReason }),
  /** Everything that happened to one value of one unit in one period: files, typing, overrides. */
  'value-history': z.object({ periodId: id, unitId: id, measureId: id, optionComboId: id.optional() }),
  'report-entry-get': z.object({ periodId: id, unitId: id }),
  'report-entry-save': z.object({
    periodId: id,
    unitId: id,
    values: z
      .array(
        z.object({
          measureId: id,
          /** A part of a broken-down measure; left out: the total. */
          optionComboId: id.optional(),
          numerator: z.number().finite().nullable(),
          denominator: z.number().finite().nullable(),
          value: z.number().finite().nullable(),
          textValue: z.string().max(4000).nullable(),
          note: z.string().max(2000).nullable(),
        }),
      )
      .max(20_000),
    narratives: z.partialRecord(z.enum(NARRATIVE_SECTIONS.map((s) => s.key) as [NarrativeKey, ...NarrativeKey[]]), z.string().max(100_000)).optional(),
    taskProgress: z.array(taskReport).max(2000).optional(),
  }),

  'merge-get': z.object({ periodId: id, parentUnitId: id.optional() }),
  /** The figures of the units below the children, for a view that came without them (a large tree): those under one unit, or of one measure. */
  'merge-cells': z.object({ periodId: id, underUnitId: id.optional(), measureId: id.optional() }),
  /** One broken-down measure's parts with every unit's figure (the screen's drill-down). */
  'merge-breakdown': z.object({ periodId: id, measureId: id }),
  'merge-export': z.object({ periodId: id }),
  'merge-save': z.object({
    periodId: id,
    narratives: z.partialRecord(z.enum(NARRATIVE_SECTIONS.map((s) => s.key) as [NarrativeKey, ...NarrativeKey[]]), z.string().max(200_000)).optional(),
    taskProgress: z.array(z.object({ taskId: id, progress: z.string().max(50_000) })).max(2000).optional(),
  }),
  'merge-export-upstream': z.object({ periodId: id }),
  /** Tổng quan: the period's results by goal, progress toward the phase end, reports received, the measures furthest behind (default: the working period). */
  'dashboard-get': z.object({ periodId: id.optional() }),
  /** A measure over the periods of its phase for the compiling unit, with its targets (default: the working period). */
  'chart-trend': z.object({ periodId: id.optional(), measureId: id }),
  /** One measure across the period's units, best first. */
  'chart-units': z.object({ periodId: id, measureId: id }),
  'document-settings-get': z.object({ periodId: id }),
  'document-settings-set': z.object({ periodId: id, document: documentSettings }),
  'merge-pdf': z.object({
    periodId: id,
    document: documentSettings,
    /** An annex of charts: the dashboard's summary and the trends of chosen measures (none given: the five furthest from their target). */
    charts: z.object({ summary: z.boolean(), trendMeasureIds: z.array(id).max(60, 'chọn tối đa 60 chỉ tiêu để vẽ xu hướng').optional() }).optional(),
    /** Sign as the signer, as the organisation, or both (in that order), each with its own key. */
    sign: signBoth.optional(),
  }),
  /** Nhắc đơn vị: the units that owe the period's report (not sent, or refused for errors), the messages to send them, the reminders sent. */
  'reminder-list': z.object({ periodId: id.optional(), today: isoDate.optional(), newDueOn: isoDate.optional() }),
  /** Records that the messages were sent to these units (pasted into e-mail or Zalo). */
  'reminder-record': z.object({ periodId: id, unitIds: z.array(id).min(1, 'chưa chọn đơn vị nào').max(5000) }),
  /** Takes back a reminder recorded by mistake (the công văn's file, if sent, is not unsent: the record only). */
  'reminder-delete': z.object({ id }),
  /** The công văn đôn đốc as PDF for these units (optionally signed like the report), recorded as sent. */
  'reminder-letter': z.object({
    periodId: id,
    unitIds: z.array(id).min(1, 'chưa chọn đơn vị nào').max(5000),
    newDueOn: isoDate,
    contact: text(300),
    document: documentSettings,
    sign: signBoth.optional(),
  }),
  /** Opens a .p12/.pfx with its password and says whose it is (the PDF dialog checks the typed signer against it). */
  'certificate-read': z.object({ p12Base64: z.string().min(1).max(200_000, 'tệp chữ ký số quá lớn'), password: z.string().max(500) }),
  /** The certificates on the USB tokens plugged in, read through the token's PKCS#11 library (no PIN needed). */
  'token-list': z.object({ library: required(500, 'thư viện của thiết bị ký số') }),
  /** Lists every signature of a PDF (ours or another office's): who, when, role, intact, whole file or changed after. */
  'pdf-verify': fileUpload,
  /** Adds a signature to a PDF (signed or not) as an incremental update: earlier signatures stay valid. */
  'pdf-sign': fileUpload.extend(signingKey.shape).extend({
    /** The signature or seal image to show (where the PDF leaves room for it, or over the signer's). */
    imageBase64: pngImage.optional(),
    sealSizeMm: z.number().min(20).max(60).optional(),
    role: z.enum(['signer', 'organisation'], 'vai trò ký phải là người ký hoặc cơ quan'),
    reason: z.string().max(500).optional(),
    location: z.string().max(200).optional(),
  }),
  /** Keeps a unit's signed PDF (its official report) with its received files for the period. */
  'received-pdf-add': fileUpload.extend({ periodId: id, unitId: id }),
  'received-pdf-list': z.object({ periodId: id, unitId: id }),
  'received-pdf-get': z.object({ id }),
  /** Opens a file the app made (a PDF to look at and print) in the system's default application. */
  'file-open': z.object({ fileName: z.string().regex(/^[^/\\:*?"<>|]{1,200}\.(pdf|xlsx)$/i, 'tên tệp không hợp lệ'), dataBase64: z.string().max(60_000_000) }),
  'merge-override': z.object({
    periodId: id,
    measureId: id,
    /** The value to use instead of the roll-up; null removes the override. */
    value: z.number().finite().min(0).nullable(),
    reason: z.string().trim().min(5, 'cần ghi lý do sửa (ít nhất 5 ký tự)').max(1000),
  }),

  'unit-list': z.object({ asOf: isoDate.optional(), includeDissolved: z.boolean().optional() }),
  'unit-get': z.object({ id }),
  'unit-create': newUnit.extend({ validFrom: isoDate }),
  'unit-rename': z.object({ id, name: required(200, 'tên mới'), effectiveOn: isoDate, note: text(500).optional() }),
  'unit-move': z.object({ id, parentId: id.nullable(), effectiveOn: isoDate, note: text(500).optional() }),
  'unit-dissolve': z.object({ id, effectiveOn: isoDate, note: text(500).optional() }),
  'unit-merge': z.object({ sourceIds: z.array(id).min(1).max(200), targetId: id, effectiveOn: isoDate, note: text(500).optional() }),
  /** A reorganisation: many steps on one date; `preview` applies them, shows the result and keeps nothing. */
  'org-reorganise': z.object({
    effectiveOn: isoDate,
    title: required(300, 'tên đợt sắp xếp'),
    note: text(1000).optional(),
    steps: z.array(reorgStep).min(1, 'chưa có thay đổi nào').max(2000),
    preview: z.boolean().optional(),
  }),
  'org-changes': z.object({}),
  'org-undo': z.object({ changeId: id }),

  'backup-list': z.object({}),
  'backup-create': z.object({}),
  /** Replaces the data with a backup (the current data is backed up first). */
  'backup-restore': z.object({ fileName: z.string().regex(BACKUP_FILE, 'tên bản sao lưu không hợp lệ') }),
  /** The whole database as one .sqlite file. */
  'database-export': z.object({}),
  /** Opens a whole database file in place of the current one (the current data is backed up first). */
  'database-open': z.object({
    fileName: required(260, 'tên tệp'),
    dataBase64: z.string().min(1).max(MAX_DATABASE_BASE64, 'tệp dữ liệu quá lớn (tối đa 200 MB)').optional(),
    uploadId: uploadId.optional(),
  }),
} as const;

export type ApiMethod = keyof typeof apiMethods;
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiMethods)[M]>;
export type ApiParsedArgs<M extends ApiMethod> = z.output<(typeof apiMethods)[M]>;

export interface ApiResults {
  'app-info': AppInfo;
  'settings-get': Settings;
  'audit-verify': AuditVerdict;
  'settings-set': Settings;
  'demo-load': { planId: number; created: boolean };
  'plan-list': PlanSummary[];
  'plan-get': PlanDetail;
  'plan-create': PlanSummary;
  'plan-update': PlanSummary;
  'plan-delete': { deleted: true };
  'plan-import-preview': PlanImportPreview;
  'plan-import-commit': PlanSummary;
  'task-group-save': PlanDetail;
  'task-group-delete': PlanDetail;
  'task-save': PlanDetail;
  'task-move': PlanDetail;
  'task-delete': PlanDetail;
  'goal-save': GoalDto;
  'goal-delete': { deleted: true };
  'indicator-save': IndicatorDto;
  'indicator-delete': { deleted: true };
  'measure-save': MeasureDto;
  'measure-delete': { deleted: true };
  'measure-reporters-set': { updated: number };
  'breakdown-list': BreakdownDto[];
  'category-list': CategoryDto[];
  'category-save': CategoryDto;
  'category-delete': { deleted: true };
  'catalogue-list': CatalogueDto[];
  'catalogue-save': CatalogueDto;
  'catalogue-delete': { deleted: true };
  'catalogue-indicator-save': CatalogueIndicatorDto;
  'catalogue-indicator-delete': { deleted: true };
  'catalogue-import-preview': CatalogueImportPreview;
  'catalogue-import-commit': CatalogueDto;
  'catalogue-export': FileDownload & { count: number };
  'period-list': PeriodDto[];
  'period-get': PeriodDto;
  'period-create': PeriodDto;
  'period-update': PeriodDto;
  'period-delete': { deleted: true };
  'period-status': PeriodStatus | null;
  'working-period-get': { periodId: number | null };
  'working-period-set': { periodId: number };
  'template-build': FileDownload;
  'template-build-all': FileDownload & { count: number };
  'report-import': ImportFileResult[];
  'report-get': ReportDto;
  'report-approve': { id: number; approvedAt: string };
  'report-approve-all': { approved: string[]; left: { unitName: string; reason: string }[] };
  'report-review': UnitReview;
  'report-warning-check': { toCheck: number };
  'report-unlock': { id: number };
  'period-submit': { id: number; submittedAt: string };
  'period-unlock': { id: number };
  'value-history': ValueHistoryEntry[];
  'report-entry-get': ReportEntry;
  'report-entry-save': { reportId: number; revision: number; savedAt: string };
  'merge-get': MergeView;
  'merge-cells': MergeCells[];
  'merge-breakdown': MergeBreakdown;
  'merge-export': FileDownload;
  'merge-override': { measureId: number; value: number | null };
  'file-open': { path: string };
  'document-settings-get': DocumentSettings;
  'document-settings-set': DocumentSettings;
  'merge-pdf': FileDownload & { signedBy: string | null };
  'pdf-verify': SignatureCheck[];
  'received-pdf-add': ReceivedPdfDto;
  'received-pdf-list': ReceivedPdfDto[];
  'received-pdf-get': FileDownload;
  'certificate-read': { commonName: string; organisation: string | null; notAfter: string };
  'token-list': { certificates: TokenCertificateDto[] };
  'pdf-sign': FileDownload & { signedBy: string };
  'merge-save': { reportId: number; revision: number; savedAt: string };
  /** `notes`: what the file leaves out and why (parts of a breakdown some unit did not give). */
  'merge-export-upstream': FileDownload & { periodName: string; notes: string[] };
  'dashboard-get': Dashboard;
  'reminder-list': ReminderList;
  'reminder-record': ReminderEntry;
  'reminder-delete': { deleted: true };
  'reminder-letter': FileDownload & { signedBy: string | null; reminder: ReminderEntry };
  'chart-trend': TrendChart;
  'chart-units': UnitsChart;
  'unit-list': UnitDto[];
  'unit-get': UnitDto;
  'unit-create': UnitDto;
  'unit-rename': UnitDto;
  'unit-move': UnitDto;
  'unit-dissolve': UnitDto;
  'unit-merge': UnitDto;
  'org-reorganise': ReorgResult;
  'org-changes': OrgChangeDto[];
  'org-undo': OrgChangeDto;
  'backup-list': { folder: string; backups: BackupDto[] };
  'backup-create': BackupDto;
  'backup-restore': { restored: BackupDto; safetyBackup: BackupDto };
  'database-export': FileDownload;
  'database-open': { safetyBackup: BackupDto };
}

export type ApiResult<M extends ApiMethod> = ApiResults[M];

/** Errors cross the boundary as data. */
export type ApiErrorType = 'validation' | 'not_found' | 'conflict' | 'unknown_method' | 'internal' | 'transport';
export interface ApiErrorData {
  type: ApiErrorType;
  message: string;
  method?: string;
}
export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiErrorData };

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiMethods, name);
}

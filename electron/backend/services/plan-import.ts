/**
 * Importing a plan from an .xlsx/.xls file: its indicator table, its task table or its numbered
 * activities (or an indicator table and a task table on two sheets). The preview says what was
 * found and inferred, and why; the agencies named are matched to units by any name they have had,
 * and one that matches nothing must be mapped, created or kept as a name by the user. The commit
 * reads the file again and writes the plan in one transaction.
 */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { PlanImportAgency, PlanImportPreview, PlanSummary, UnitDto } from '../../../shared/api/types';
import { matchAgency, splitAgencies, splitList, type AgencyGroup, type AgencyMatch, type UnitNames } from '../../../shared/domain/agency-match';
import { foldText, inferPlanYears } from '../../../shared/domain/measure-inference';
import { formatIsoDate } from '../../../shared/domain/org-units';
import type { Direction } from '../../../shared/domain/measure';
import { isSpreadsheetName, onlySpreadsheets } from '../../../shared/domain/spreadsheet-files';
import type { Db } from '../db/connection';
import { nowIso, type BackendContext } from '../context';
import { UserError } from '../errors';
import { readPlanSheet, type PlanSheetResult } from '../import/plan-sheet';
import { readTaskSheet, type TaskSheetResult } from '../import/task-sheet';
import { parseWorkbook } from '../workers/parse-workbook';
import { readMeta } from '../templates/read-report';
import { audit } from './audit';
import { fileBytes, type FileRef } from './uploads';
import { checkPlanFields, listPlans } from './plans';
import { insertGoals, insertPlanRow, insertTaskGroups } from './plan-writer';
import { descendantsIn, listUnits, reorganiseIn, standInOn, todayIso } from './units';

interface PlanFile {
  indicators: PlanSheetResult | null;
  tasks: TaskSheetResult | null;
}

async function readPlanFile(ctx: BackendContext, sent: FileRef): Promise<PlanFile> {
  const { fileName } = sent;
  if (!isSpreadsheetName(fileName)) {
    throw new UserError('validation', onlySpreadsheets(fileName));
  }
  const workbook = await parseWorkbook(fileBytes(ctx.uploads, sent), fileName);
  // A unit's report template offered as a plan: say so, rather than list every row's missing unit of measure.
  if (readMeta(workbook.sheets)) {
    throw new UserError('validation', `${fileName}: đây là biểu mẫu báo cáo của đơn vị (do TongHop xuất), không phải bảng chỉ tiêu của kế hoạch. Biểu mẫu đã điền thì nhận ở màn hình Kỳ báo cáo › Nhận báo cáo.`);
  }
  const read = readPlanSheet(workbook.sheets);
  const indicators = 'goals' in read ? read : null;
  // A task table may sit on another sheet beside the indicators; numbered activities only make a plan of their own.
  const tasks = readTaskSheet(
    workbook.sheets.filter((s) => s.name !== indicators?.sheetName),
    { activities: !indicators },
  );
  if (!indicators && !tasks) {
    throw new UserError(
      'validation',
      `${fileName}: không tìm thấy bảng chỉ tiêu (cần các cột "Nội dung mục tiêu/chỉ tiêu" và "Đơn vị tính"), bảng nhiệm vụ (cần cột "Nội dung nhiệm vụ" và cột "Cơ quan chủ trì", "Cơ quan phối hợp" hoặc "Thời gian thực hiện"), hay danh sách hoạt động đánh số 1., 2., … dưới mục "Nội dung hoạt động" hoặc "Nhiệm vụ, giải pháp".`,
    );
  }
  return { indicators, tasks };
}

/** Every name a unit has had (and its short names), the current one first. */
function unitNames(units: readonly UnitDto[]): UnitNames[] {
  return units.map((u) => ({
    id: u.id,
    kind: u.kind,
    parentId: u.parentId,
    names: [...new Set([u.name, ...u.versions.flatMap((v) => [v.name, v.shortName ?? ''])].filter(Boolean))],
  }));
}

/** A unit that no longer exists stands for the unit doing its work: "…, nay là Sở Y tế (từ 01/03/2025)". */
function successorOf(match: AgencyMatch, units: readonly UnitDto[], asOf: string): AgencyMatch {
  if (match.kind !== 'unit') return match;
  const old = units.find((u) => u.id === match.unitId);
  const now = standInOn(units, match.unitId, asOf);
  if (!old || !now || now.id === old.id) return match;
  return { ...match, unitId: now.id, name: now.name, why: `${match.why}, nay là ${now.name} (từ ${formatIsoDate(old.dissolvedOn!)})` };
}

/** The agencies a lead cell names: "A chủ trì, phối hợp với B" → A lead, B cooperating; "A, B" → A lead, B cooperating. */
function agenciesOfLeadCell(text: string): { lead: string | null; others: string[] } {
  if (/ch[uủ] tr[iì]/i.test(text)) return splitAgencies(text);
  const list = splitList(text);
  return { lead: list[0] ?? null, others: list.slice(1) };
}

/** The issuer: the territorial unit the title names ("… trên địa bàn huyện Ia H'Drai năm 2022"). */
function guessIssuer(title: string, units: readonly UnitDto[]): PlanImportPreview['issuer'] {
  const f = ` ${foldText(title)} `;
  const hits = units
    .filter((u) => u.kind === 'province' || u.kind === 'district' || u.kind === 'commune')
    .flatMap((u) => u.versions.map((v) => ({ u, name: v.name, key: foldText(v.name) })))
    .filter((h) => h.key.length >= 4 && f.includes(` ${h.key} `))
    .sort((a, b) => b.key.length - a.key.length);
  const hit = hits[0];
  return hit ? { unitId: hit.u.id, name: hit.u.name, why: `tên kế hoạch có "${hit.name}"` } : null;
}

/** The units a group stands for, under the issuer (or the whole tree when it is not known). */
function unitsOfGroup(group: AgencyGroup, units: readonly UnitDto[], issuerId: number | null): UnitDto[] {
  const kind = group === 'districts' ? 'district' : group === 'communes' ? 'commune' : null;
  if (!kind) return [];
  const scope = issuerId !== null ? descendantsIn(units, issuerId) : units;
  return scope.filter((u) => u.kind === kind);
}

interface Analysis {
  file: PlanFile;
  units: UnitDto[];
  agencies: PlanImportAgency[];
  issuer: PlanImportPreview['issuer'];
  activityReporters: PlanImportPreview['activityReporters'];
  title: string;
  years: ReturnType<typeof inferPlanYears>;
}

/**
 * What the file holds and what its agencies stand for. Names are matched against every unit that
 * ever was; groups ("UBND các huyện") and successors are taken on the plan's first day (its
 * `yearFrom`, else the year its title gives, else today), so a 2025 plan keeps 2025's districts.
 */
async function analyse(db: Db, ctx: BackendContext, sent: FileRef, given: { issuerUnitId?: number | null; yearFrom?: number }): Promise<Analysis> {
  const file = await readPlanFile(ctx, sent);
  const title = file.indicators?.guessedTitle || file.tasks?.guessedTitle || '';
  const years = inferPlanYears(title, file.indicators?.targetColumns ?? []);
  const today = todayIso(ctx);
  const asOf = given.yearFrom ? `${given.yearFrom}-01-01` : years ? `${years.value.from}-01-01` : today;
  const everUnits = await listUnits(db, asOf, true);
  const units = everUnits.filter((u) => u.createdOn <= asOf && (u.dissolvedOn === null || u.dissolvedOn > asOf));
  const names = unitNames(everUnits);
  const chosen = given.issuerUnitId ? units.find((u) => u.id === given.issuerUnitId) : undefined;
  const issuer = chosen ? { unitId: chosen.id, name: chosen.name, why: 'do người dùng chọn' } : guessIssuer(title, units);

  const byText = new Map<string, PlanImportAgency>();
  const note = (text: string | null, row: number, role: 'lead' | 'cooperating') => {
    if (!text) return;
    const key = foldText(text);
    const seen = byText.get(key);
    if (seen) {
      if (!seen.rows.includes(row)) seen.rows.push(row);
      if (!seen.roles.includes(role)) seen.roles.push(role);
      return;
    }
    const match = successorOf(matchAgency(text, names), everUnits, asOf);
    byText.set(key, { text, rows: [row], roles: [role], match, unitCount: match.kind === 'group' ? unitsOfGroup(match.group, units, issuer?.unitId ?? null).length : null });
  };
  for (const g of file.indicators?.goals ?? [])
    for (const i of g.indicators)
      for (const m of i.measures) {
        const a = agenciesOfLeadCell(m.leadText);
        note(a.lead, m.row, 'lead');
        for (const o of a.others) note(o, m.row, 'cooperating');
      }
  for (const g of file.tasks?.groups ?? [])
    for (const t of g.tasks) {
      const a = agenciesOfLeadCell(t.leadText);
      note(a.lead, t.row, 'lead');
      for (const o of [...a.others, ...splitList(t.cooperatingText)]) note(o, t.row, 'cooperating');
    }

  let activityReporters: PlanImportPreview['activityReporters'] = null;
  if (file.tasks?.layout === 'activities' && issuer) {
    const kind = units.find((u) => u.id === issuer.unitId)?.kind;
    const below = descendantsIn(units, issuer.unitId);
    const group: AgencyGroup | null = kind === 'district' || !below.some((u) => u.kind === 'district') ? 'communes' : 'districts';
    const count = unitsOfGroup(group, units, issuer.unitId).length;
    activityReporters = {
      group,
      why: `các hoạt động không ghi cơ quan phối hợp: ${group === 'communes' ? 'các xã' : 'các huyện'} của ${issuer.name} (${count} đơn vị) báo cáo kết quả từng hoạt động, ${issuer.name} chủ trì và tổng hợp`,
    };
  }
  return { file, units, agencies: [...byText.values()], issuer, activityReporters, title, years };
}

export async function previewPlanImport(db: Db, ctx: BackendContext, args: ApiParsedArgs<'plan-import-preview'>): Promise<PlanImportPreview> {
  const a = await analyse(db, ctx, args, { issuerUnitId: args.issuerUnitId, yearFrom: args.yearFrom });
  const { indicators, tasks } = a.file;
  const years = a.years;
  const unmatched = a.agencies.filter((x) => x.match.kind === 'none');
  const problems = [...(indicators?.problems ?? []), ...(tasks?.problems ?? [])];
  if (unmatched.length) {
    problems.push({
      severity: 'warning',
      row: null,
      cell: null,
      message: `${unmatched.length} cơ quan không khớp đơn vị nào: ${unmatched.map((u) => `"${u.text}" (dòng ${u.rows.join(', ')})`).join('; ')}. Hãy chọn đơn vị, tạo đơn vị mới hoặc chỉ giữ tên.`,
    });
  }
  if (tasks?.layout === 'activities' && !a.issuer) {
    problems.push({ severity: 'warning', row: null, cell: null, message: 'Không đoán được đơn vị ban hành kế hoạch từ tên kế hoạch; hãy chọn đơn vị ban hành (đơn vị chủ trì các hoạt động).' });
  }
  return {
    fileName: args.fileName,
    sheetName: indicators?.sheetName ?? tasks!.sheetName,
    headerRow: indicators?.headerRow ?? tasks!.headerRow,
    targetColumns: indicators?.targetColumns ?? [],
    goals: indicators?.goals ?? [],
    measureCount: indicators?.measureCount ?? 0,
    tasks: tasks ? { sheetName: tasks.sheetName, layout: tasks.layout, headerRow: tasks.headerRow, columns: tasks.columns, groups: tasks.groups } : null,
    taskCount: tasks?.taskCount ?? 0,
    agencies: a.agencies,
    issuer: a.issuer,
    activityReporters: a.activityReporters,
    problems,
    guessedTitle: a.title,
    guessedYears: years ? { ...years.value, why: years.why, sure: years.sure } : null,
  };
}

type Decision = NonNullable<ApiParsedArgs<'plan-import-commit'>['agencies']>[number];

/** What each agency text stands for once the user's decisions are applied: units (one, or a group's), or none. */
async function resolveAgencies(trx: Db, ctx: BackendContext, a: Analysis, decisions: Decision[], effectiveOn: string): Promise<(text: string | null) => { unitIds: number[]; group: boolean }> {
  const decided = new Map(decisions.map((d) => [foldText(d.text), d]));
  const missing = a.agencies.filter((x) => x.match.kind === 'none' && !decided.has(foldText(x.text)));
  if (missing.length) {
    throw new UserError(
      'validation',
      `Chưa chọn đơn vị cho ${missing.length} cơ quan: ${missing.map((m) => `"${m.text}" (dòng ${m.rows.join(', ')})`).join('; ')}. Hãy chọn một đơn vị có sẵn, tạo đơn vị mới hoặc chọn "Chỉ giữ tên".`,
    );
  }
  const resolved = new Map<string, number[]>();
  const groups = new Set<string>();
  for (const agency of a.agencies) {
    const key = foldText(agency.text);
    const d = decided.get(key);
    if (d?.create) {
      await reorganiseIn(trx, ctx, { effectiveOn, title: `Thành lập ${d.create.name}`, note: `Tạo khi nhập kế hoạch: "${agency.text}"`, steps: [{ op: 'create', unit: { name: d.create.name, kind: d.create.kind, parentId: d.create.parentId } }] });
      const { id } = await trx.selectFrom('org_unit').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      resolved.set(key, [id]);
    } else if (d) resolved.set(key, d.unitId === null ? [] : [d.unitId]);
    else if (agency.match.kind === 'unit') resolved.set(key, [agency.match.unitId]);
    else if (agency.match.kind === 'group') {
      groups.add(key);
      resolved.set(key, unitsOfGroup(agency.match.group, a.units, a.issuer?.unitId ?? null).map((u) => u.id));
    } else resolved.set(key, []);
  }
  return (text) => (text ? { unitIds: resolved.get(foldText(text)) ?? [], group: groups.has(foldText(text)) } : { unitIds: [], group: false });
}

export async function commitPlanImport(db: Db, ctx: BackendContext, args: ApiParsedArgs<'plan-import-commit'>): Promise<PlanSummary> {
  const a = await analyse(db, ctx, args, { issuerUnitId: args.plan.issuerUnitId, yearFrom: args.plan.yearFrom });
  const { indicators, tasks } = a.file;
  const where = `${args.fileName} › ${indicators?.sheetName ?? tasks!.sheetName}`;
  const errors = [...(indicators?.problems ?? []), ...(tasks?.problems ?? [])].filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new UserError('validation', `${where}: còn ${errors.length} lỗi, chưa nhập. ${errors.slice(0, 5).map((e) => e.message).join(' ')}`);
  const measureCount = indicators?.measureCount ?? 0;
  const taskCount = tasks?.taskCount ?? 0;
  if (measureCount === 0 && taskCount === 0) throw new UserError('validation', `${where}: không có chỉ số hay nhiệm vụ nào để nhập.`);
  const plan = { ...args.plan, issuerUnitId: args.plan.issuerUnitId ?? a.issuer?.unitId ?? null };
  checkPlanFields(plan);
  const directions = new Map<number, Direction>((args.directions ?? []).map((d) => [d.row, d.direction]));
  const now = nowIso(ctx);
  const planId = await db.transaction().execute(async (trx) => {
    const unitsOf = await resolveAgencies(trx, ctx, a, args.agencies ?? [], `${plan.yearFrom}-01-01`);
    const planId = await insertPlanRow(trx, now, plan);
    if (indicators) {
      await insertGoals(
        trx,
        planId,
        indicators.goals.map((g) => ({
          ...g,
          indicators: g.indicators.map((i) => ({
            ...i,
            measures: i.measures.map((m) => {
              const named = agenciesOfLeadCell(m.leadText);
              // Named cooperating units are kept; a group ("các địa phương") is the territory, who report by default.
              const cooperating = named.others.flatMap((o) => (unitsOf(o).group ? [] : unitsOf(o).unitIds));
              return { ...m, direction: directions.get(m.row) ?? m.direction, leadUnitId: unitsOf(named.lead).unitIds[0] ?? null, leadText: m.leadText, cooperatingUnitIds: cooperating };
            }),
          })),
        })),
      );
    }
    if (tasks) {
      const reporters = a.activityReporters ? unitsOfGroup(a.activityReporters.group, a.units, a.issuer?.unitId ?? null).map((u) => u.id) : [];
      await insertTaskGroups(
        trx,
        planId,
        tasks.groups.map((g) => ({
          code: g.code,
          title: g.title,
          tasks: g.tasks.map((t) => {
            const named = agenciesOfLeadCell(t.leadText);
            const lead = named.lead ? (unitsOf(named.lead).unitIds[0] ?? null) : tasks.layout === 'activities' ? plan.issuerUnitId : null;
            const listed = [...named.others, ...splitList(t.cooperatingText)].flatMap((o) => unitsOf(o).unitIds);
            return {
              code: t.code,
              content: t.content,
              leadUnitId: lead,
              leadText: t.leadText,
              cooperatingText: t.cooperatingText,
              timeframe: t.timeframe,
              product: t.product,
              cooperatingUnitIds: listed.length === 0 && tasks.layout === 'activities' ? reporters : listed,
            };
          }),
        })),
      );
    }
    await audit(trx, ctx, {
      entity: 'plan',
      entityId: planId,
      action: 'import',
      after: { fileName: args.fileName, sheet: indicators?.sheetName ?? tasks!.sheetName, measures: measureCount, tasks: taskCount, agencies: args.agencies ?? [], directions: args.directions ?? [] },
    });
    return planId;
  });
  return (await listPlans(db)).find((p) => p.id === planId)!;
}

/**
 * Statistical indicator catalogues (bộ chỉ tiêu thống kê): their own kind of document, imported
 * from the annex tables of the circular (preview first), edited in the app, linked to plans'
 * measures, and a period's compiled values exported in the catalogue's layout.
 */
import * as XLSX from 'xlsx';
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { CatalogueDto, CatalogueImportPreview, CatalogueIndicatorDto, CatalogueIndicatorFields } from '../../../shared/api/types';
import { isSpreadsheetName, onlySpreadsheets } from '../../../shared/domain/spreadsheet-files';
import { fileSafeName } from '../../../shared/domain/file-names';
import type { Annex } from '../../../shared/domain/catalogue';
import type { Selectable } from 'kysely';
import type { Db } from '../db/connection';
import type { Database } from '../db/schema';
import { nowIso, type BackendContext } from '../context';
import { UserError, notFound } from '../errors';
import { readCatalogueSheets } from '../import/catalogue-sheet';
import { SheetBuilder, writeStyledXlsx, type SheetStyles } from '../xlsx/styled-workbook';
import { parseWorkbook } from '../workers/parse-workbook';
import { audit } from './audit';
import { fileBytes, type FileRef, type UploadStore } from './uploads';
import { mergeView } from './merge';

type IndicatorRow = Selectable<Database['catalogue_indicator']>;

const toFields = (r: IndicatorRow): CatalogueIndicatorFields => ({
  annex: r.annex as Annex,
  code: r.code,
  groupCode: r.group_code,
  groupName: r.group_name,
  name: r.name,
  unitLabel: r.unit_label,
  concept: r.concept,
  numerator: r.numerator,
  denominator: r.denominator,
  factor: r.factor,
  breakdowns: r.breakdowns,
  period: r.period,
  source: r.source,
  leadBody: r.lead_body,
  cooperatingBodies: r.cooperating_bodies,
  note: r.note,
});

const toRow = (f: CatalogueIndicatorFields) => ({
  annex: f.annex,
  code: f.code,
  group_code: f.groupCode,
  group_name: f.groupName,
  name: f.name,
  unit_label: f.unitLabel,
  concept: f.concept,
  numerator: f.numerator,
  denominator: f.denominator,
  factor: f.factor,
  breakdowns: f.breakdowns,
  period: f.period,
  source: f.source,
  lead_body: f.leadBody,
  cooperating_bodies: f.cooperatingBodies,
  note: f.note,
});

const ANNEX_ORDER = ['I', 'III', 'II', 'IV', 'V', 'VI'];

export async function listCatalogues(db: Db): Promise<CatalogueDto[]> {
  const catalogues = await db.selectFrom('catalogue').selectAll().orderBy('id').execute();
  const indicators = await db.selectFrom('catalogue_indicator').selectAll().orderBy('catalogue_id').orderBy('position').orderBy('id').execute();
  const links = await db
    .selectFrom('measure')
    .select(['catalogue_indicator_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('catalogue_indicator_id', 'is not', null)
    .groupBy('catalogue_indicator_id')
    .execute();
  const count = new Map(links.map((l) => [l.catalogue_indicator_id!, Number(l.n)]));
  return catalogues.map((c) => ({
    id: c.id,
    code: c.code,
    title: c.title,
    document: c.document,
    issuedOn: c.issued_on,
    note: c.note,
    isSample: c.is_sample === 1,
    indicators: indicators
      .filter((i) => i.catalogue_id === c.id)
      .map<CatalogueIndicatorDto>((i) => ({ id: i.id, catalogueId: c.id, position: i.position, ...toFields(i), measureCount: count.get(i.id) ?? 0 })),
  }));
}

async function catalogue(db: Db, id: number): Promise<CatalogueDto> {
  const c = (await listCatalogues(db)).find((x) => x.id === id);
  if (!c) throw notFound(`bộ chỉ tiêu thống kê số ${id}`);
  return c;
}

export async function writeCatalogue(trx: Db, ctx: BackendContext, fields: ApiParsedArgs<'catalogue-save'>): Promise<number> {
  const clash = await trx.selectFrom('catalogue').select('id').where('code', '=', fields.code).executeTakeFirst();
  if (clash && clash.id !== fields.id) throw new UserError('conflict', `Đã có bộ chỉ tiêu viết tắt "${fields.code}"; hãy chọn tên viết tắt khác.`);
  const row = { code: fields.code, title: fields.title, document: fields.document, issued_on: fields.issuedOn, note: fields.note, is_sample: fields.isSample ? (1 as const) : (0 as const), updated_at: nowIso(ctx) };
  if (fields.id !== undefined) {
    await catalogue(trx, fields.id);
    await trx.updateTable('catalogue').set(row).where('id', '=', fields.id).execute();
    return fields.id;
  }
  return (await trx.insertInto('catalogue').values({ ...row, created_at: nowIso(ctx) }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function saveCatalogue(db: Db, ctx: BackendContext, args: ApiParsedArgs<'catalogue-save'>): Promise<CatalogueDto> {
  const id = await db.transaction().execute(async (trx) => {
    const id = await writeCatalogue(trx, ctx, args);
    await audit(trx, ctx, { entity: 'catalogue', entityId: id, action: args.id ? 'update' : 'create', after: args });
    return id;
  });
  return catalogue(db, id);
}

export async function deleteCatalogue(db: Db, ctx: BackendContext, id: number): Promise<void> {
  const before = await catalogue(db, id);
  const linked = before.indicators.reduce((s, i) => s + i.measureCount, 0);
  if (linked > 0) throw new UserError('conflict', `Bộ chỉ tiêu "${before.title}" đang gắn với ${linked} chỉ số của kế hoạch; hãy bỏ gắn trước khi xóa.`);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('catalogue').where('id', '=', id).execute();
    await audit(trx, ctx, { entity: 'catalogue', entityId: id, action: 'delete', before: { code: before.code, title: before.title, indicators: before.indicators.length } });
  });
}

export async function saveCatalogueIndicator(db: Db, ctx: BackendContext, args: ApiParsedArgs<'catalogue-indicator-save'>): Promise<CatalogueIndicatorDto> {
  const id = await db.transaction().execute(async (trx) => {
    const cat = await catalogue(trx, args.catalogueId);
    if (args.code !== null) {
      const clash = cat.indicators.find((i) => i.annex === args.annex && i.code === args.code && i.id !== args.id);
      if (clash) throw new UserError('conflict', `Phụ lục ${args.annex} đã có chỉ tiêu mã ${args.code} ("${clash.name}"); mỗi mã chỉ dùng một lần trong một phụ lục.`);
    }
    if (args.id !== undefined) {
      const before = cat.indicators.find((i) => i.id === args.id);
      if (!before) throw notFound(`chỉ tiêu thống kê số ${args.id} trong bộ "${cat.title}"`);
      await trx.updateTable('catalogue_indicator').set(toRow(args)).where('id', '=', args.id).execute();
      await audit(trx, ctx, { entity: 'catalogue', entityId: cat.id, action: 'update indicator', before, after: args });
      return args.id;
    }
    const id = await addIndicator(trx, cat.id, Math.max(0, ...cat.indicators.map((i) => i.position)) + 1, args);
    await audit(trx, ctx, { entity: 'catalogue', entityId: cat.id, action: 'add indicator', after: args });
    return id;
  });
  const cat = await catalogue(db, args.catalogueId);
  return cat.indicators.find((i) => i.id === id)!;
}

export async function deleteCatalogueIndicator(db: Db, ctx: BackendContext, id: number): Promise<void> {
  const row = await db.selectFrom('catalogue_indicator').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`chỉ tiêu thống kê số ${id}`);
  const linked = await db.selectFrom('measure').select(['code']).where('catalogue_indicator_id', '=', id).execute();
  if (linked.length) throw new UserError('conflict', `Chỉ tiêu "${row.name}" đang gắn với chỉ số ${linked.map((l) => l.code).join(', ')} của kế hoạch; hãy bỏ gắn trước khi xóa.`);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('catalogue_indicator').where('id', '=', id).execute();
    await audit(trx, ctx, { entity: 'catalogue', entityId: row.catalogue_id, action: 'delete indicator', before: toFields(row) });
  });
}

export async function addIndicator(trx: Db, catalogueId: number, position: number, fields: CatalogueIndicatorFields): Promise<number> {
  return (await trx.insertInto('catalogue_indicator').values({ catalogue_id: catalogueId, position, ...toRow(fields) }).returning('id').executeTakeFirstOrThrow()).id;
}

async function readCatalogueFile(uploads: UploadStore, sent: FileRef) {
  const { fileName } = sent;
  if (!isSpreadsheetName(fileName)) throw new UserError('validation', onlySpreadsheets(fileName));
  const workbook = await parseWorkbook(fileBytes(uploads, sent), fileName);
  return readCatalogueSheets(workbook.sheets);
}

export async function previewCatalogueImport(uploads: UploadStore, args: ApiParsedArgs<'catalogue-import-preview'>): Promise<CatalogueImportPreview> {
  const result = await readCatalogueFile(uploads, args);
  return { ...result, fileName: args.fileName, problems: result.problems.map((p) => ({ ...p, message: `${args.fileName} › ${p.message}` })) };
}

/**
 * Imports a catalogue in one transaction. Into an existing one, an indicator is matched by its
 * annex and code (or, without a code, by its name): updated in place, so links from measures stay.
 */
export async function commitCatalogueImport(db: Db, ctx: BackendContext, args: ApiParsedArgs<'catalogue-import-commit'>): Promise<CatalogueDto> {
  const result = await readCatalogueFile(ctx.uploads, args);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new UserError('validation', `${args.fileName}: còn ${errors.length} lỗi, chưa nhập. ${errors.slice(0, 5).map((e) => `${args.fileName} › ${e.message}`).join(' ')}`);
  if (result.indicators.length === 0) throw new UserError('validation', `${args.fileName}: không có chỉ tiêu nào để nhập.`);
  const id = await db.transaction().execute(async (trx) => {
    const id = await writeCatalogue(trx, ctx, { ...args.catalogue, id: args.catalogueId });
    const existing = args.catalogueId !== undefined ? (await catalogue(trx, id)).indicators : [];
    let position = Math.max(0, ...existing.map((i) => i.position));
    let updated = 0;
    for (const ind of result.indicators) {
      const { sheet: _sheet, row: _row, ...fields } = ind;
      const same = existing.find((e) => e.annex === fields.annex && (fields.code !== null ? e.code === fields.code : e.code === null && e.name === fields.name));
      if (same) {
        await trx.updateTable('catalogue_indicator').set(toRow(fields)).where('id', '=', same.id).execute();
        updated++;
      } else {
        await addIndicator(trx, id, ++position, fields);
      }
    }
    await audit(trx, ctx, { entity: 'catalogue', entityId: id, action: 'import', after: { fileName: args.fileName, indicators: result.indicators.length, updated } });
    return id;
  });
  return catalogue(db, id);
}

/**
 * The period's compiled values in the catalogue's layout: one row per linked indicator's total,
 * then one per option combination, each breakdown category in a column of its own.
 */
export async function exportForCatalogue(db: Db, ctx: BackendContext, periodId: number, catalogueId: number): Promise<{ fileName: string; bytes: Buffer; count: number }> {
  const cat = await catalogue(db, catalogueId);
  const view = await mergeView(db, ctx, periodId, undefined, { withPrevious: false, parts: 'totals' });
  const byIndicator = new Map(cat.indicators.map((i) => [i.id, i]));
  const rows = view.rows.filter((r) => r.catalogueIndicator !== null && byIndicator.has(r.catalogueIndicator.id));
  if (rows.length === 0) {
    throw new UserError('validation', `Kế hoạch của kỳ "${view.period.name}" chưa có chỉ số nào gắn với bộ chỉ tiêu "${cat.title}". Hãy gắn chỉ số với chỉ tiêu thống kê ở màn hình Kế hoạch (sửa chỉ số › Chỉ tiêu thống kê).`);
  }
  rows.sort((a, b) => {
    const x = byIndicator.get(a.catalogueIndicator!.id)!;
    const y = byIndicator.get(b.catalogueIndicator!.id)!;
    return ANNEX_ORDER.indexOf(x.annex) - ANNEX_ORDER.indexOf(y.annex) || (x.code ?? '9999').localeCompare(y.code ?? '9999') || x.position - y.position;
  });
  const categories = [...new Set(rows.flatMap((r) => r.breakdown?.categories.map((c) => c.name) ?? []))];
  const headers = ['Phụ lục', 'Mã số', 'Tên chỉ tiêu', 'Đơn vị tính', ...categories, 'Tử số', 'Mẫu số', 'Giá trị', 'Chỉ số trong kế hoạch', 'Ghi chú'];
  const s = new SheetBuilder([9, 9, 50, 12, ...categories.map(() => 18), 12, 12, 12, 22, 36]);
  const last = headers.length - 1;
  s.merged(0, 0, last, `SỐ LIỆU THEO ${cat.title.toUpperCase()}`, 'title');
  s.merged(1, 0, last, `${view.period.name} — ${view.parentUnitName}${cat.isSample ? ' — Bộ chỉ tiêu MẪU, không phải danh mục chính thức' : ''}`, 'subtitle');
  s.merged(2, 0, last, `${cat.document ? `${cat.document}. ` : ''}Tổng hợp từ báo cáo của ${view.completeness.reported}/${view.completeness.expected} đơn vị.${view.missingText ? ` ${view.missingText}` : ''}`, 'instructions');
  headers.forEach((h, c) => s.set(4, c, h, 'header'));
  s.height(4, 32);
  let row = 5;
  const base = 4 + categories.length;
  const line = (ind: CatalogueIndicatorDto, r: (typeof rows)[number], options: Map<string, string>, cell: { numerator: number | null; denominator: number | null; value: number | null }, note: string, style: 'label' | 'part') => {
    s.set(row, 0, ind.annex, 'label');
    s.set(row, 1, ind.code ?? '', 'label');
    s.set(row, 2, ind.name, style);
    s.set(row, 3, ind.unitLabel || r.unitLabel, 'label');
    categories.forEach((c, i) => s.set(row, 4 + i, options.get(c) ?? '', 'label'));
    s.set(row, base, cell.numerator, 'labelNumber');
    s.set(row, base + 1, cell.denominator, 'labelNumber');
    s.set(row, base + 2, cell.value === null ? null : Math.round(cell.value * 10000) / 10000, 'labelNumber');
    s.set(row, base + 3, r.code, 'label');
    s.set(row++, base + 4, note, 'label');
  };
  for (const r of rows) {
    const ind = byIndicator.get(r.catalogueIndicator!.id)!;
    const totals = new Map((r.breakdown?.categories ?? []).map((c) => [c.name, 'Tổng số']));
    const without = r.breakdown?.withoutBreakdown.length ? `Chưa phân tổ: ${r.breakdown.withoutBreakdown.map((id) => view.tree.find((u) => u.id === id)?.name ?? id).join(', ')}` : '';
    line(ind, r, totals, r.total, without, 'label');
    for (const p of r.breakdown?.parts ?? []) {
      line(ind, r, new Map(r.breakdown!.categories.map((c, i) => [c.name, p.options[i]!])), p.total, '', 'part');
    }
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, s.finish(), 'Chỉ tiêu thống kê');
  const styles = new Map<string, SheetStyles>([['Chỉ tiêu thống kê', s.styles]]);
  const fileName = fileSafeName(`${cat.code} - ${view.parentUnitName} - ${view.period.name}.xlsx`);
  return { fileName, bytes: writeStyledXlsx(wb, styles), count: rows.length };
}

/**
 * Breakdowns (phân tổ) as data: categories with their options (codes, order, former names,
 * retired options), and the combinations of categories measures are broken down by. Nothing
 * about a breakdown is in the schema or the code: the user defines it.
 */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { BreakdownDto, CategoryDto } from '../../../shared/api/types';
import { codeFromName, comboLabel, optionCombinations } from '../../../shared/domain/breakdown';
import type { Db } from '../db/connection';
import { optionCombosInUse, valueCountForCombos } from '../db/report-store';
import { nowIso, type BackendContext } from '../context';
import { UserError, notFound } from '../errors';
import { audit } from './audit';
import { getSetting } from './settings';
import { groupBy } from '../../../shared/domain/group';

/** The breakdown "Không phân tổ": one option combination, the total (migration 0001). */
export const NO_BREAKDOWN = 1;
const NO_CATEGORY = 1;

interface OptionRow {
  id: number;
  category_id: number;
  code: string;
  name: string;
  position: number;
  retired_on: string | null;
}

/** An option's name as it was on `date`: the name it had before the first rename after that day. */
function nameOn(option: OptionRow, renames: readonly { option_id: number; old_name: string; renamed_on: string }[], date: string | undefined): string {
  if (!date) return option.name;
  const later = renames.filter((r) => r.option_id === option.id && r.renamed_on > date).sort((a, b) => a.renamed_on.localeCompare(b.renamed_on))[0];
  return later?.old_name ?? option.name;
}

async function readOptions(db: Db) {
  const options = await db.selectFrom('category_option').selectAll().orderBy('category_id').orderBy('position').orderBy('id').execute();
  const renames = await db.selectFrom('category_option_rename').selectAll().orderBy('renamed_on').orderBy('id').execute();
  return { options, renames };
}

export async function listCategories(db: Db): Promise<CategoryDto[]> {
  const cats = await db.selectFrom('category').selectAll().where('id', '!=', NO_CATEGORY).orderBy('position').orderBy('id').execute();
  const { options, renames } = await readOptions(db);
  const cocOptions = await db.selectFrom('category_option_combo_option').selectAll().execute();
  const usedCombos = await optionCombosInUse(db);
  const usedOptions = new Set(cocOptions.filter((c) => usedCombos.has(c.option_combo_id)).map((c) => c.option_id));
  const measures = await db
    .selectFrom('measure')
    .innerJoin('category_combo_category as ccc', 'ccc.combo_id', 'measure.category_combo_id')
    .select(['ccc.category_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('ccc.category_id')
    .execute();
  return cats.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    note: c.note,
    isSample: c.is_sample === 1,
    options: options
      .filter((o) => o.category_id === c.id)
      .map((o) => ({
        id: o.id,
        code: o.code,
        name: o.name,
        retiredOn: o.retired_on,
        formerNames: renames.filter((r) => r.option_id === o.id).map((r) => ({ name: r.old_name, until: r.renamed_on })),
        used: usedOptions.has(o.id),
      })),
    measureCount: Number(measures.find((m) => m.category_id === c.id)?.n ?? 0),
  }));
}

/** Every breakdown (combination of categories) with its option combinations, option names as on `asOf`. */
export async function listBreakdowns(db: Db, asOf?: string): Promise<BreakdownDto[]> {
  const combos = await db.selectFrom('category_combo').selectAll().where('id', '!=', NO_BREAKDOWN).orderBy('id').execute();
  return breakdownsOf(db, combos.map((c) => c.id), asOf);
}

/** The breakdowns with these ids (the default one is left out: it is "no breakdown"). */
export async function breakdownsOf(db: Db, comboIds: readonly number[], asOf?: string): Promise<BreakdownDto[]> {
  const ids = [...new Set(comboIds)].filter((id) => id !== NO_BREAKDOWN);
  if (ids.length === 0) return [];
  const combos = await db.selectFrom('category_combo').selectAll().where('id', 'in', ids).orderBy('id').execute();
  const links = await db
    .selectFrom('category_combo_category as cc')
    .innerJoin('category as c', 'c.id', 'cc.category_id')
    .select(['cc.combo_id', 'cc.position', 'c.id', 'c.code', 'c.name', 'c.is_sample'])
    .where('cc.combo_id', 'in', ids)
    .orderBy('cc.combo_id')
    .orderBy('cc.position')
    .execute();
  const { options, renames } = await readOptions(db);
  const cocs = await db
    .selectFrom('category_option_combo as coc')
    .innerJoin('category_option_combo_option as o', 'o.option_combo_id', 'coc.id')
    .select(['coc.id', 'coc.combo_id', 'o.option_id'])
    .where('coc.combo_id', 'in', ids)
    .execute();
  // An option combination is found by the set of its options.
  const cocBySet = new Map<string, number>();
  const setsOf = groupBy(cocs, (r) => r.id, (r) => r.option_id);
  for (const [cocId, opts] of setsOf) cocBySet.set(`${cocs.find((c) => c.id === cocId)!.combo_id}:${[...opts].sort((a, b) => a - b).join(',')}`, cocId);
  return combos.map((combo) => {
    const categories = links
      .filter((l) => l.combo_id === combo.id)
      .map((l) => ({
        id: l.id,
        code: l.code,
        name: l.name,
        isSample: l.is_sample === 1,
        options: options.filter((o) => o.category_id === l.id && !o.retired_on).map((o) => ({ id: o.id, code: o.code, name: nameOn(o, renames, asOf) })),
      }));
    const combosInOrder = optionCombinations(categories).flatMap((opts) => {
      const id = cocBySet.get(`${combo.id}:${opts.map((o) => o.id).sort((a, b) => a - b).join(',')}`);
      return id === undefined ? [] : [{ id, key: opts.map((o) => o.code).join('/'), label: comboLabel(opts.map((o) => o.name)), options: opts.map((o) => o.name) }];
    });
    return { id: combo.id, code: combo.code, name: combo.name, categories, combos: combosInOrder };
  });
}

/**
 * The breakdown by exactly these categories, in this order, made when there is none yet
 * (with every option combination). No categories: "no breakdown".
 */
export async function breakdownFor(trx: Db, categoryIds: readonly number[]): Promise<number> {
  if (categoryIds.length === 0) return NO_BREAKDOWN;
  if (new Set(categoryIds).size !== categoryIds.length) throw new UserError('validation', 'Mỗi nhóm phân tổ chỉ chọn một lần.');
  const cats = await trx.selectFrom('category').selectAll().where('id', 'in', [...categoryIds]).execute();
  const ordered = categoryIds.map((id) => cats.find((c) => c.id === id));
  if (ordered.some((c) => !c || c.id === NO_CATEGORY)) throw notFound(`nhóm phân tổ số ${categoryIds.find((id) => !cats.some((c) => c.id === id)) ?? NO_CATEGORY}`);
  const links = await trx.selectFrom('category_combo_category').selectAll().orderBy('combo_id').orderBy('position').execute();
  const byCombo = groupBy(links, (l) => l.combo_id, (l) => l.category_id);
  for (const [comboId, ids] of byCombo) if (ids.join(',') === categoryIds.join(',')) return comboId;

  const code = ordered.map((c) => c!.code).join('-x-');
  const name = ordered.map((c) => c!.name).join(' × ');
  const { id: comboId } = await trx.insertInto('category_combo').values({ code, name }).returning('id').executeTakeFirstOrThrow();
  for (const [position, id] of categoryIds.entries()) await trx.insertInto('category_combo_category').values({ combo_id: comboId, category_id: id, position }).execute();
  await addMissingCombos(trx, comboId);
  return comboId;
}

/** Makes the option combinations a breakdown lacks (after an option was added to one of its categories). */
async function addMissingCombos(trx: Db, comboId: number): Promise<void> {
  const cats = await trx.selectFrom('category_combo_category').select('category_id').where('combo_id', '=', comboId).orderBy('position').execute();
  const options = await trx.selectFrom('category_option').selectAll().orderBy('position').orderBy('id').execute();
  const perCategory = cats.map((c) => ({ options: options.filter((o) => o.category_id === c.category_id) }));
  const existing = await trx
    .selectFrom('category_option_combo as coc')
    .innerJoin('category_option_combo_option as o', 'o.option_combo_id', 'coc.id')
    .select(['coc.id', 'o.option_id'])
    .where('coc.combo_id', '=', comboId)
    .execute();
  const sets = groupBy(existing, (r) => r.id, (r) => r.option_id);
  const have = new Set([...sets.values()].map((s) => [...s].sort((a, b) => a - b).join(',')));
  for (const combination of optionCombinations(perCategory)) {
    const key = combination.map((o) => o.id).sort((a, b) => a - b).join(',');
    if (have.has(key)) continue;
    const { id } = await trx.insertInto('category_option_combo').values({ combo_id: comboId, name: combination.map((o) => o.name).join(', ') }).returning('id').executeTakeFirstOrThrow();
    for (const o of combination) await trx.insertInto('category_option_combo_option').values({ option_combo_id: id, option_id: o.id }).execute();
  }
}

/** The stored names of option combinations follow their options' current names. */
async function renameCombos(trx: Db, optionIds: readonly number[]): Promise<void> {
  if (optionIds.length === 0) return;
  const affected = await trx.selectFrom('category_option_combo_option').select('option_combo_id').where('option_id', 'in', [...optionIds]).distinct().execute();
  for (const { option_combo_id: id } of affected) {
    const names = await trx
      .selectFrom('category_option_combo_option as x')
      .innerJoin('category_option as o', 'o.id', 'x.option_id')
      .innerJoin('category_combo_category as cc', 'cc.category_id', 'o.category_id')
      .innerJoin('category_option_combo as coc', (j) => j.onRef('coc.id', '=', 'x.option_combo_id').onRef('coc.combo_id', '=', 'cc.combo_id'))
      .select('o.name')
      .where('x.option_combo_id', '=', id)
      .orderBy('cc.position')
      .execute();
    await trx.updateTable('category_option_combo').set({ name: names.map((n) => n.name).join(', ') }).where('id', '=', id).execute();
  }
}

/**
 * Creates or changes a category and its options, in the order given. A renamed option keeps
 * its former name from the given date back; an option left out is deleted when no report uses
 * it, and refused otherwise (retire it instead: it stays in old reports, not in new forms).
 */
export async function saveCategory(db: Db, ctx: BackendContext, args: ApiParsedArgs<'category-save'>): Promise<CategoryDto> {
  const codes = new Set<string>();
  for (const o of args.options) {
    const key = o.code.toUpperCase();
    if (codes.has(key)) throw new UserError('validation', `Mã "${o.code}" bị dùng cho hai giá trị của nhóm "${args.name}"; mỗi giá trị cần một mã riêng.`);
    codes.add(key);
  }
  const names = new Set<string>();
  for (const o of args.options) {
    if (names.has(o.name.toLowerCase())) throw new UserError('validation', `Giá trị "${o.name}" xuất hiện hai lần trong nhóm "${args.name}".`);
    names.add(o.name.toLowerCase());
  }
  if (!args.options.some((o) => !o.retired)) throw new UserError('validation', `Nhóm "${args.name}" cần ít nhất một giá trị đang dùng.`);
  const on = args.effectiveOn ?? nowIso(ctx).slice(0, 10);
  const userName = await getSetting(db, 'userName');
  const id = await db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('category').select('id').where('code', '=', args.code).executeTakeFirst();
    if (clash && clash.id !== args.id) throw new UserError('conflict', `Mã nhóm "${args.code}" đã có; hãy chọn mã khác.`);
    let categoryId: number;
    let before: CategoryDto | undefined;
    if (args.id !== undefined) {
      if (args.id === NO_CATEGORY) throw new UserError('validation', 'Nhóm "Không phân tổ" là nhóm có sẵn, không sửa được.');
      before = (await listCategories(trx)).find((c) => c.id === args.id);
      if (!before) throw notFound(`nhóm phân tổ số ${args.id}`);
      await trx.updateTable('category').set({ code: args.code, name: args.name, note: args.note }).where('id', '=', args.id).execute();
      categoryId = args.id;
    } else {
      const last = await trx.selectFrom('category').select((eb) => eb.fn.max<number>('position').as('p')).executeTakeFirst();
      categoryId = (await trx.insertInto('category').values({ code: args.code, name: args.name, note: args.note, position: (last?.p ?? 0) + 1 }).returning('id').executeTakeFirstOrThrow()).id;
    }
    const existing = await trx.selectFrom('category_option').selectAll().where('category_id', '=', categoryId).execute();
    for (const o of args.options) {
      if (o.id !== undefined && !existing.some((e) => e.id === o.id)) throw notFound(`giá trị số ${o.id} của nhóm "${args.name}"`);
    }
    // Options left out: gone when unused.
    const kept = new Set(args.options.map((o) => o.id).filter((x): x is number => x !== undefined));
    for (const gone of existing.filter((e) => !kept.has(e.id))) {
      const combos = (await trx.selectFrom('category_option_combo_option').select('option_combo_id').where('option_id', '=', gone.id).execute()).map((r) => r.option_combo_id);
      const used = await valueCountForCombos(trx, combos);
      if (used > 0) {
        throw new UserError('conflict', `Giá trị "${gone.name}" của nhóm "${args.name}" đã có ${used} số liệu báo cáo nên không xóa được; hãy đánh dấu "Ngừng dùng" (báo cáo cũ vẫn giữ, biểu mẫu mới không còn dòng này).`);
      }
      if (combos.length) await trx.deleteFrom('category_option_combo').where('id', 'in', combos).execute();
      await trx.deleteFrom('category_option').where('id', '=', gone.id).execute();
    }
    // Temporary codes first, so that two options may swap codes.
    for (const e of existing.filter((x) => kept.has(x.id))) await trx.updateTable('category_option').set({ code: `~${e.id}` }).where('id', '=', e.id).execute();
    const renamed: number[] = [];
    for (const [position, o] of args.options.entries()) {
      const retired_on = o.retired ? (existing.find((e) => e.id === o.id)?.retired_on ?? on) : null;
      if (o.id === undefined) {
        await trx.insertInto('category_option').values({ category_id: categoryId, code: o.code, name: o.name, position, retired_on }).execute();
        continue;
      }
      const was = existing.find((e) => e.id === o.id)!;
      if (was.name !== o.name) {
        await trx.insertInto('category_option_rename').values({ option_id: o.id, old_name: was.name, new_name: o.name, renamed_on: on, created_at: nowIso(ctx), created_by: userName }).execute();
        renamed.push(o.id);
      }
      await trx.updateTable('category_option').set({ code: o.code, name: o.name, position, retired_on }).where('id', '=', o.id).execute();
    }
    await renameCombos(trx, renamed);
    const combos = await trx.selectFrom('category_combo_category').select('combo_id').where('category_id', '=', categoryId).execute();
    for (const c of combos) await addMissingCombos(trx, c.combo_id);
    // A breakdown is named after its categories.
    for (const c of combos) {
      const parts = await trx
        .selectFrom('category_combo_category as cc')
        .innerJoin('category as k', 'k.id', 'cc.category_id')
        .select('k.name')
        .where('cc.combo_id', '=', c.combo_id)
        .orderBy('cc.position')
        .execute();
      await trx.updateTable('category_combo').set({ name: parts.map((p) => p.name).join(' × ') }).where('id', '=', c.combo_id).execute();
    }
    await audit(trx, ctx, { entity: 'category', entityId: categoryId, action: before ? 'update' : 'create', before, after: args });
    return categoryId;
  });
  return (await listCategories(db)).find((c) => c.id === id)!;
}

/** A category no measure breaks down by can be deleted. */
export async function deleteCategory(db: Db, ctx: BackendContext, id: number): Promise<void> {
  const before = (await listCategories(db)).find((c) => c.id === id);
  if (!before) throw notFound(`nhóm phân tổ số ${id}`);
  if (before.measureCount > 0) throw new UserError('conflict', `Nhóm "${before.name}" đang dùng để phân tổ ${before.measureCount} chỉ số; hãy bỏ phân tổ ở các chỉ số đó trước.`);
  if (before.options.some((o) => o.used)) throw new UserError('conflict', `Nhóm "${before.name}" đã có số liệu báo cáo; không xóa được.`);
  await db.transaction().execute(async (trx) => {
    const combos = (await trx.selectFrom('category_combo_category').select('combo_id').where('category_id', '=', id).execute()).map((c) => c.combo_id);
    if (combos.length) await trx.deleteFrom('category_combo').where('id', 'in', combos).execute();
    await trx.deleteFrom('category').where('id', '=', id).execute();
    await audit(trx, ctx, { entity: 'category', entityId: id, action: 'delete', before });
  });
}

/**
 * The breakdown by these categories, made with them when they are missing (categories found by
 * code or name; options appended when absent). For the demo loader and tests.
 */
export async function ensureBreakdown(db: Db, categories: { name: string; code?: string; isSample?: boolean; options: (string | { code: string; name: string })[] }[]): Promise<number> {
  if (categories.length === 0 || categories.some((c) => c.options.length === 0)) {
    throw new UserError('validation', 'Phân tổ cần ít nhất một nhóm và mỗi nhóm cần ít nhất một giá trị.');
  }
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const cat of categories) {
      const code = cat.code ?? codeFromName(cat.name);
      let row = await trx.selectFrom('category').select(['id']).where((eb) => eb.or([eb('code', '=', code), eb('name', '=', cat.name)])).executeTakeFirst();
      if (!row) {
        const last = await trx.selectFrom('category').select((eb) => eb.fn.max<number>('position').as('p')).executeTakeFirst();
        row = await trx.insertInto('category').values({ code, name: cat.name, position: (last?.p ?? 0) + 1, is_sample: cat.isSample ? 1 : 0 }).returning('id').executeTakeFirstOrThrow();
      }
      const have = await trx.selectFrom('category_option').select(['name', 'position']).where('category_id', '=', row.id).execute();
      let position = Math.max(-1, ...have.map((h) => h.position));
      for (const option of cat.options) {
        const { code: optionCode, name } = typeof option === 'string' ? { code: codeFromName(option), name: option } : option;
        if (have.some((h) => h.name === name)) continue;
        await trx.insertInto('category_option').values({ category_id: row.id, code: optionCode, name, position: ++position, retired_on: null }).execute();
      }
      ids.push(row.id);
    }
    const comboId = await breakdownFor(trx, ids);
    // Options appended to a category the breakdown already had need their combinations too.
    await addMissingCombos(trx, comboId);
    return comboId;
  });
}

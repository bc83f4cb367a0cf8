/** Breakdown definitions (categories × options → option combinations). Data, never schema. */
import type { BreakdownDto } from '../../../shared/api/types';
import { optionCombinations, type CategorySpec } from '../../../shared/domain/breakdown';
import type { Db } from '../db/connection';
import { UserError } from '../errors';

export async function listBreakdowns(db: Db): Promise<BreakdownDto[]> {
  const combos = await db.selectFrom('category_combo').selectAll().orderBy('id').execute();
  const cats = await db
    .selectFrom('category_combo_category as cc')
    .innerJoin('category as c', 'c.id', 'cc.category_id')
    .select(['cc.combo_id', 'c.id', 'c.name'])
    .orderBy('cc.position')
    .execute();
  const options = await db.selectFrom('category_option').selectAll().orderBy('position').execute();
  const cocs = await db.selectFrom('category_option_combo').selectAll().orderBy('id').execute();
  return combos.map((combo) => ({
    id: combo.id,
    code: combo.code,
    name: combo.name,
    categories: cats
      .filter((c) => c.combo_id === combo.id)
      .map((c) => ({ name: c.name, options: options.filter((o) => o.category_id === c.id).map((o) => o.name) })),
    optionCombos: cocs.filter((c) => c.combo_id === combo.id).map((c) => ({ id: c.id, name: c.name })),
  }));
}

/** Creates (or returns) a breakdown by the given categories; categories are reused by name. */
export async function ensureBreakdown(db: Db, code: string, name: string, categories: CategorySpec[]): Promise<number> {
  const existing = await db.selectFrom('category_combo').select('id').where('code', '=', code).executeTakeFirst();
  if (existing) return existing.id;
  if (categories.length === 0 || categories.some((c) => c.options.length === 0)) {
    throw new UserError('validation', 'Phân tổ cần ít nhất một nhóm và mỗi nhóm cần ít nhất một giá trị.');
  }
  return db.transaction().execute(async (trx) => {
    const { id: comboId } = await trx.insertInto('category_combo').values({ code, name }).returning('id').executeTakeFirstOrThrow();
    const optionIds: Map<string, number>[] = [];
    for (const [position, cat] of categories.entries()) {
      const catCode = slug(cat.name);
      let categoryId = (await trx.selectFrom('category').select('id').where('code', '=', catCode).executeTakeFirst())?.id;
      if (categoryId === undefined) {
        categoryId = (await trx.insertInto('category').values({ code: catCode, name: cat.name }).returning('id').executeTakeFirstOrThrow()).id;
        for (const [i, option] of cat.options.entries()) {
          await trx.insertInto('category_option').values({ category_id: categoryId, code: slug(option), name: option, position: i }).execute();
        }
      }
      const opts = await trx.selectFrom('category_option').select(['id', 'name']).where('category_id', '=', categoryId).execute();
      optionIds.push(new Map(opts.map((o) => [o.name, o.id])));
      await trx.insertInto('category_combo_category').values({ combo_id: comboId, category_id: categoryId, position }).execute();
    }
    for (const combination of optionCombinations(categories)) {
      const { id: cocId } = await trx
        .insertInto('category_option_combo')
        .values({ combo_id: comboId, name: combination.join(', ') })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [i, option] of combination.entries()) {
        const optionId = optionIds[i]!.get(option);
        if (optionId === undefined) throw new UserError('validation', `Nhóm "${categories[i]!.name}" không có giá trị "${option}".`);
        await trx.insertInto('category_option_combo_option').values({ option_combo_id: cocId, option_id: optionId }).execute();
      }
    }
    return comboId;
  });
}

function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

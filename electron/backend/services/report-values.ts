/**
 * Values of a report, stored per measure × option combination (breakdown). Totals over a
 * breakdown are derived, never stored.
 */
import { deriveTotal, type BrokenDownValue } from '../../../shared/domain/breakdown';
import type { Db } from '../db/connection';
import { UserError } from '../errors';

export interface ValueInput extends BrokenDownValue {
  optionComboId: number;
}

export async function saveMeasureValues(db: Db, reportId: number, measureId: number, values: ValueInput[]): Promise<void> {
  const measure = await db.selectFrom('measure').select(['category_combo_id']).where('id', '=', measureId).executeTakeFirst();
  if (!measure) throw new UserError('not_found', `Không tìm thấy chỉ số số ${measureId}.`);
  const allowed = new Set(
    (await db.selectFrom('category_option_combo').select('id').where('combo_id', '=', measure.category_combo_id).execute()).map((r) => r.id),
  );
  for (const v of values) {
    if (!allowed.has(v.optionComboId)) throw new UserError('validation', `Nhóm phân tổ số ${v.optionComboId} không thuộc phân tổ của chỉ số này.`);
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('report_value').where('report_id', '=', reportId).where('measure_id', '=', measureId).execute();
    for (const v of values) {
      await trx
        .insertInto('report_value')
        .values({ report_id: reportId, measure_id: measureId, option_combo_id: v.optionComboId, numerator: v.numerator, denominator: v.denominator, value: v.value, text_value: null })
        .execute();
    }
  });
}

/** The measure's total in a report: the stored value without breakdown, or derived over its option combos. */
export async function measureTotal(db: Db, reportId: number, measureId: number): Promise<BrokenDownValue> {
  const measure = await db.selectFrom('measure').select(['rate_factor']).where('id', '=', measureId).executeTakeFirst();
  if (!measure) throw new UserError('not_found', `Không tìm thấy chỉ số số ${measureId}.`);
  const rows = await db
    .selectFrom('report_value')
    .select(['numerator', 'denominator', 'value'])
    .where('report_id', '=', reportId)
    .where('measure_id', '=', measureId)
    .execute();
  return deriveTotal(rows, measure.rate_factor);
}

/**
 * A value's history, on demand: every revision of a unit's report in a period (files received,
 * typed corrections, compiled reports), every typed change with who and when, approvals and
 * unlocks, and the compiler's overrides with their reasons. Built from the report revisions,
 * the audit trail and the override table; nothing extra is stored.
 */
import type { ValueHistoryEntry } from '../../../shared/api/types';
import type { Db } from '../db/connection';
import { TOTAL_COMBO, readValues, revisionsOf } from '../db/report-store';
import { notFound } from '../errors';
import { breakdownsOf } from './breakdowns';
import { valueAction } from './report-entry';

type Values = Pick<ValueHistoryEntry, 'numerator' | 'denominator' | 'value' | 'textValue' | 'note'>;
const NO_VALUES: Values = { numerator: null, denominator: null, value: null, textValue: null, note: null };

function parseValues(json: string | null): Values | null {
  if (!json) return null;
  const v = JSON.parse(json) as Partial<Values>;
  return { numerator: v.numerator ?? null, denominator: v.denominator ?? null, value: v.value ?? null, textValue: v.textValue ?? null, note: v.note ?? null };
}

export async function valueHistory(db: Db, periodId: number, unitId: number, measureId: number, optionComboId = TOTAL_COMBO): Promise<ValueHistoryEntry[]> {
  const measure = await db.selectFrom('measure').select(['id', 'code', 'category_combo_id']).where('id', '=', measureId).executeTakeFirst();
  if (!measure) throw notFound(`chỉ số số ${measureId}`);
  const combo = optionComboId === TOTAL_COMBO ? null : (await breakdownsOf(db, [measure.category_combo_id]))[0]?.combos.find((c) => c.id === optionComboId);
  if (optionComboId !== TOTAL_COMBO && !combo) throw notFound(`nhóm phân tổ số ${optionComboId} của chỉ số ${measure.code}`);
  const action = valueAction(measure.code, combo?.key);
  const reports = await revisionsOf(db, periodId, unitId);
  const reportIds = reports.map((r) => r.id);
  const values = (await readValues(db, reportIds, { measureId })).filter((v) => v.optionComboId === optionComboId);
  const audits = reportIds.length
    ? await db.selectFrom('audit_log').selectAll().where('entity', '=', 'report').where('entity_id', 'in', reportIds).orderBy('id').execute()
    : [];
  // A compiled report is saved from the merge view; its audit line names the report it wrote.
  const compiled = reports.some((r) => r.source === 'merge')
    ? await db.selectFrom('audit_log').selectAll().where('entity', '=', 'merge').where('entity_id', '=', periodId).where('action', '=', 'save').execute()
    : [];
  const out: ValueHistoryEntry[] = [];
  for (const r of reports) {
    const mine = audits.filter((a) => a.entity_id === r.id);
    const base = { revision: r.revision, fileName: r.fileName, reason: null };
    if (r.source !== 'typed') {
      const v = values.find((x) => x.reportId === r.id);
      const received =
        mine.find((a) => a.action === 'import' || a.action === 'replace') ?? compiled.find((a) => (JSON.parse(a.after_json ?? '{}') as { reportId?: number }).reportId === r.id);
      out.push({
        ...base,
        at: r.receivedAt,
        userName: received?.user_name ?? '',
        kind: r.source === 'merge' ? 'typed' : 'file',
        ...(v ? { numerator: v.numerator, denominator: v.denominator, value: v.value, textValue: v.textValue, note: v.note } : NO_VALUES),
      });
    }
    for (const a of mine) {
      if (a.action === action) {
        const after = parseValues(a.after_json);
        out.push({ ...base, at: a.at, userName: a.user_name, kind: after ? 'typed' : 'cleared', ...(after ?? NO_VALUES) });
      } else if (a.action === 'approve' || a.action === 'unlock') {
        out.push({ ...base, at: a.at, userName: a.user_name, kind: a.action, ...NO_VALUES, reason: a.reason });
      }
    }
  }
  // Overrides are of the total only.
  const overrides = combo ? [] : await db.selectFrom('merge_override').selectAll().where('period_id', '=', periodId).where('parent_unit_id', '=', unitId).where('measure_id', '=', measureId).orderBy('id').execute();
  for (const o of overrides) {
    out.push({ at: o.created_at, userName: o.created_by, kind: 'override', revision: null, fileName: null, ...NO_VALUES, value: o.value, reason: o.reason });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Figures worth a second look, for a received file and for a typed report alike: a total far
 * from the same unit's previous report in the plan (jumpOf), and — for a typed report, whose
 * figures the template reader did not see — outside its range, a fraction of people, far from
 * the target (plausibilityOf). Warnings, never errors: each names its figure (`at`) and is
 * marked `check` so the compiler can tick it off.
 */
import type { ImportProblem, MeasureDto, PeriodDto } from '../../../shared/api/types';
import { gridCellOf } from '../../../shared/domain/entry-layout';
import { targetOfYear } from '../../../shared/domain/measure';
import { jumpOf, plausibilityOf } from '../../../shared/domain/plausibility';
import { formatVnNumber } from '../../../shared/domain/vn-number';
import type { Db } from '../db/connection';
import { TOTAL_COMBO, previousReportOfUnit, readValues, type StoredValue } from '../db/report-store';

/** Where a figure is, as the message says it: "Báo cáo.xlsx › Chỉ tiêu › G12" or "Nhập tay › ô G3". */
type Place = (v: StoredValue) => string;

/** Totals far from the unit's previous report in the same plan. */
export async function jumpWarnings(db: Db, period: PeriodDto, unitId: number, values: readonly StoredValue[], measures: readonly Pick<MeasureDto, 'id' | 'code'>[], place: Place): Promise<ImportProblem[]> {
  const previous = await previousReportOfUnit(db, unitId, period.planId, period.dataTo);
  if (!previous) return [];
  const oldBy = new Map((await readValues(db, [previous.id], { totalsOnly: true })).map((o) => [o.measureId, o.value]));
  const out: ImportProblem[] = [];
  for (const v of values) {
    if (v.optionComboId !== TOTAL_COMBO) continue;
    const before = oldBy.get(v.measureId);
    const m = measures.find((x) => x.id === v.measureId);
    if (!m || v.value === null || before === null || before === undefined || !jumpOf(v.value, before)) continue;
    out.push({
      severity: 'warning',
      row: null,
      // A figure read from a file knows its cell there.
      cell: (v as { cell?: string }).cell ?? null,
      message: `${place(v)}: chỉ tiêu ${m.code} là ${formatVnNumber(v.value, { maxDecimals: 2 })}, khác nhiều so với kỳ "${previous.periodName}" (${formatVnNumber(before, { maxDecimals: 2 })}). Hãy kiểm tra lại.`,
      at: { measureId: v.measureId, optionComboId: TOTAL_COMBO, field: 'value' },
      check: true,
    });
  }
  return out;
}

/** Every warning of a typed report's figures; `measures` in the grid's order (it names the grid's cells). */
export async function typedWarnings(db: Db, period: PeriodDto, unitId: number, measures: readonly MeasureDto[], values: readonly StoredValue[]): Promise<ImportProblem[]> {
  const place: Place = (v) => `Nhập tay › ô ${gridCellOf(measures, { measureId: v.measureId, optionComboId: v.optionComboId, field: 'value' }) ?? '?'}`;
  const out: ImportProblem[] = [];
  for (const v of values) {
    const m = measures.find((x) => x.id === v.measureId);
    if (!m || v.value === null || (m.valueKind !== 'rate' && m.valueKind !== 'count')) continue;
    const target = v.optionComboId === TOTAL_COMBO ? targetOfYear(m.targets, period.year) : null;
    for (const w of plausibilityOf(m, v.value, null, target)) {
      out.push({ severity: 'warning', row: null, cell: null, message: `${place(v)}: chỉ tiêu ${m.code}: ${w} — hãy kiểm tra lại.`, at: { measureId: m.id, optionComboId: v.optionComboId, field: 'value' }, check: true });
    }
  }
  return [...out, ...(await jumpWarnings(db, period, unitId, values, measures, place))];
}

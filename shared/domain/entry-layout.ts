/**
 * Where a figure sits in a unit's report: the same columns in the Excel template and in the
 * entry grid (code, name, unit, target, numerator, denominator, result, note), and the row it
 * has in the grid (every measure's total, then its parts, all groups open). A message can then
 * name the template's cell (E12) and the grid's (E3) for the same figure. Pure.
 */

export const REPORT_COLUMNS = { code: 0, name: 1, unit: 2, target: 3, numerator: 4, denominator: 5, value: 6, note: 7 } as const;
export type ReportField = keyof typeof REPORT_COLUMNS;

/** A, B, … Z, AA … for a 0-based column. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface LaidOutMeasure {
  id: number;
  breakdown: { combos: readonly { id: number }[] } | null;
}

/** The 1-based grid row of a measure's total (`optionComboId` null or the total's id) or of one of its parts; null when not in the list. */
export function gridRowOf(measures: readonly LaidOutMeasure[], measureId: number, optionComboId: number | null, totalComboId = 1): number | null {
  let row = 0;
  for (const m of measures) {
    row++;
    if (m.id === measureId) {
      if (optionComboId === null || optionComboId === totalComboId) return row;
      const i = (m.breakdown?.combos ?? []).findIndex((c) => c.id === optionComboId);
      return i < 0 ? null : row + i + 1;
    }
    row += m.breakdown?.combos.length ?? 0;
  }
  return null;
}

/** The grid's name of a figure's cell: "G3". */
export function gridCellOf(measures: readonly LaidOutMeasure[], at: { measureId: number; optionComboId: number | null; field: ReportField }): string | null {
  const row = gridRowOf(measures, at.measureId, at.optionComboId);
  return row === null ? null : `${columnLetter(REPORT_COLUMNS[at.field])}${row}`;
}

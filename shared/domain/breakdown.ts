/**
 * Breakdowns (phân tổ, as in Thông tư 13/2021/TT-BLĐTBXH): a measure can be broken down by
 * categories (sex, age group, ...). Values are stored per option combination; totals are derived.
 */

export interface CategorySpec {
  name: string;
  options: string[];
}

/** Every combination of one option per category, in reading order: [["Nam","0-5"], ["Nam","6-10"], ...]. */
export function optionCombinations(categories: readonly CategorySpec[]): string[][] {
  return categories.reduce<string[][]>((acc, c) => acc.flatMap((prefix) => c.options.map((o) => [...prefix, o])), [[]]);
}

export interface BrokenDownValue {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/**
 * The total over a measure's option combinations: counts add up; rates add numerators and
 * denominators and divide (never an average of the parts' rates). Null when nothing was given.
 */
export function deriveTotal(parts: readonly BrokenDownValue[], rateFactor: number | null): BrokenDownValue {
  if (rateFactor === null) {
    const given = parts.filter((p) => p.value !== null);
    return { numerator: null, denominator: null, value: given.length ? given.reduce((s, p) => s + p.value!, 0) : null };
  }
  const given = parts.filter((p) => p.numerator !== null && p.denominator !== null);
  if (given.length === 0) return { numerator: null, denominator: null, value: null };
  const numerator = given.reduce((s, p) => s + p.numerator!, 0);
  const denominator = given.reduce((s, p) => s + p.denominator!, 0);
  return { numerator, denominator, value: denominator === 0 ? null : (numerator / denominator) * rateFactor };
}

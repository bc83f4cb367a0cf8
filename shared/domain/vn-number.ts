/**
 * Vietnamese number writing: decimal comma, thousands dot (`58,82`, `1.000`).
 * Parsing also accepts what Excel pastes and what people type in plain decimals
 * (`58.82`), with an optional percent or per-mille sign.
 */

export type ParseResult = { ok: true; value: number } | { ok: false; error: string };

const SIGN_SUFFIX = /\s*(%|‰|%o|‰o)$/i;

/** Removes spaces (incl. no-break and thin spaces) people or Excel put inside numbers. */
function stripSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u202f\u2009]/g, '');
}

/**
 * Parses a number written the Vietnamese way or plainly.
 * - `58,82` → 58.82, `1.234` → 1234, `1.234,5` → 1234.5, `58.82` → 58.82
 * - a single dot followed by exactly three digits is a thousands separator
 *   (`1.234` is one thousand two hundred thirty-four), unless the integer part is 0.
 * - `12%`, `9,6‰` → the number without the sign.
 */
export function parseVnNumber(input: string | number): ParseResult {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, error: 'không phải là số' };
  }
  const raw = input.trim();
  if (raw === '') return { ok: false, error: 'ô trống' };
  let s = stripSpaces(raw).replace(SIGN_SUFFIX, '');
  let negative = false;
  if (/^[-−–]/.test(s)) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) {
    return { ok: false, error: `"${raw}" không phải là số` };
  }
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normalized: string;
  if (dots > 0 && commas > 0) {
    // Whichever separator comes last is the decimal one.
    const decimalIsComma = s.lastIndexOf(',') > s.lastIndexOf('.');
    const [thousandsSep, decimalSep] = decimalIsComma ? ['.', ','] : [',', '.'];
    const decimalCount = decimalIsComma ? commas : dots;
    if (decimalCount > 1) return { ok: false, error: `"${raw}" không phải là số` };
    const [intPart, frac] = s.split(decimalSep) as [string, string];
    if (!isGrouped(intPart, thousandsSep)) return { ok: false, error: `"${raw}" có dấu phân cách hàng nghìn sai chỗ` };
    normalized = intPart.split(thousandsSep).join('') + '.' + frac;
  } else if (commas > 0) {
    if (commas === 1) normalized = s.replace(',', '.');
    else if (isGrouped(s, ',')) normalized = s.split(',').join('');
    else return { ok: false, error: `"${raw}" không phải là số` };
  } else if (dots > 0) {
    if (dots > 1) {
      if (!isGrouped(s, '.')) return { ok: false, error: `"${raw}" có dấu phân cách hàng nghìn sai chỗ` };
      normalized = s.split('.').join('');
    } else {
      const [intPart, frac] = s.split('.') as [string, string];
      const looksLikeThousands = frac.length === 3 && intPart.length >= 1 && intPart.length <= 3 && !/^0+$/.test(intPart);
      normalized = looksLikeThousands ? intPart + frac : s;
    }
  } else {
    normalized = s;
  }
  if (normalized.startsWith('.') || normalized.endsWith('.')) return { ok: false, error: `"${raw}" không phải là số` };
  const value = Number(normalized);
  if (!Number.isFinite(value)) return { ok: false, error: `"${raw}" không phải là số` };
  return { ok: true, value: negative ? -value : value };
}

/** `1.234.567` grouped by `sep` in threes after a 1–3 digit head. */
function isGrouped(s: string, sep: string): boolean {
  const parts = s.split(sep);
  if (parts.length === 1) return /^\d+$/.test(s);
  return /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

export interface FormatOptions {
  /** Exact number of decimals; when absent, up to `maxDecimals` with trailing zeros dropped. */
  decimals?: number;
  maxDecimals?: number;
}

/** Formats the Vietnamese way: `1.234,5`, `58,82`, `-0,2`. */
export function formatVnNumber(value: number, options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return '';
  const { decimals, maxDecimals = 4 } = options;
  let fixed = Math.abs(value).toFixed(decimals ?? maxDecimals);
  if (decimals === undefined && fixed.includes('.')) fixed = fixed.replace(/0+$/, '').replace(/\.$/, '');
  const [intPart, frac] = fixed.split('.') as [string, string | undefined];
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (frac ? ',' + frac : '');
}

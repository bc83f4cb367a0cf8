/** Writing rules of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I). */

/** Numbers under 10 get a leading zero: `Số: 05/BC-SLĐTBXH`. */
export function documentNumber(number: string, symbol: string): string {
  const n = number.trim();
  const padded = /^\d$/.test(n) ? `0${n}` : n;
  return `Số: ${padded || '      '}/${symbol}`;
}

/** `Kon Tum, ngày 05 tháng 12 năm 2026`: days under 10 and months 1–2 get a leading zero. */
export function documentDateLine(place: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** The Vietnamese alphabet with every tone mark, for checking a font covers it. */
export const VIETNAMESE_LETTERS =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';

import { formatIsoDate, parseVnDate } from '../../../shared/domain/org-units';
import { TextField } from './fields';

/** A date typed the Vietnamese way (dd/mm/yyyy); `value` is the text, parse with `parseDateText`. */
export function DateField(props: { label: string; value: string; onChange: (text: string) => void; error?: string | null; autoFocus?: boolean; name?: string }) {
  return (
    <TextField
      label={props.label}
      name={props.name}
      value={props.value}
      placeholder="ngày/tháng/năm"
      inputMode="numeric"
      autoFocus={props.autoFocus}
      hint="Ví dụ: 01/07/2025"
      error={props.error}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

export function parseDateText(text: string, label: string): { ok: true; iso: string } | { ok: false; error: string } {
  if (!text.trim()) return { ok: false, error: `Cần nhập ${label}.` };
  const iso = parseVnDate(text);
  return iso ? { ok: true, iso } : { ok: false, error: `"${text}" không phải ngày hợp lệ (dạng ngày/tháng/năm).` };
}

export function todayText(): string {
  const d = new Date();
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return formatIsoDate(iso);
}

import type { PeriodDto } from '../../../shared/api/types';
import { api } from '../api';

/** "Kỳ [Năm 2024 — Tỉnh Kon Tum]": the period chosen here becomes the working period of every screen. */
export function PeriodPicker(props: { label: string; periods: readonly PeriodDto[]; value: number | undefined; onChange: (periodId: number) => void }) {
  return (
    <label>
      Kỳ{' '}
      <select
        aria-label={props.label}
        value={props.value}
        onChange={(e) => {
          const id = Number(e.target.value);
          props.onChange(id);
          void api.call('working-period-set', { periodId: id }).catch(() => undefined);
        }}
      >
        {props.periods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} — {p.parentUnitName}
          </option>
        ))}
      </select>
    </label>
  );
}

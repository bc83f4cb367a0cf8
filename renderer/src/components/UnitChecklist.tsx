import type { UnitDto } from '../../../shared/api/types';
import type { UnitKind } from '../../../shared/domain/org-units';
import { Field } from './fields';

/** Units to tick (cooperating units of a measure or a task), with quick picks for every unit of a kind. */
export function UnitChecklist(props: { label: string; units: UnitDto[]; chosen: ReadonlySet<number>; onChange: (next: Set<number>) => void; quickKinds?: { kind: UnitKind; label: string }[] }) {
  const toggle = (ids: number[], on: boolean) => {
    const next = new Set(props.chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    props.onChange(next);
  };
  return (
    <Field label={`${props.label} (${props.chosen.size} đã chọn)`}>
      {() => (
        <>
          {props.quickKinds?.length ? (
            <div className="toolbar toolbar-inline">
              {props.quickKinds.map((q) => {
                const ids = props.units.filter((u) => u.kind === q.kind).map((u) => u.id);
                if (ids.length === 0) return null;
                const all = ids.every((id) => props.chosen.has(id));
                return (
                  <button key={q.kind} type="button" onClick={() => toggle(ids, !all)}>
                    {all ? `Bỏ chọn ${q.label}` : `Chọn ${q.label} (${ids.length})`}
                  </button>
                );
              })}
            </div>
          ) : null}
          <div className="checklist" role="group" aria-label={props.label}>
            {props.units.map((u) => (
              <label key={u.id}>
                <input type="checkbox" checked={props.chosen.has(u.id)} onChange={(e) => toggle([u.id], e.target.checked)} /> {u.name}
              </label>
            ))}
          </div>
        </>
      )}
    </Field>
  );
}

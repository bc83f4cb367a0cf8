import type { PlanImportAgency, UnitDto } from '../../../../shared/api/types';
import { AGENCY_GROUPS } from '../../../../shared/domain/agency-match';
import type { UnitKind } from '../../../../shared/domain/org-units';

/** What the user decided for one agency text: an existing unit, a new unit, or the name kept alone. */
export type AgencyChoice = { kind: 'unit'; unitId: number } | { kind: 'create'; unitKind: UnitKind; parentId: number | null } | { kind: 'keep' };

const KEEP = 'keep';
const CREATE = 'create';

/** The value of the choice select for an agency: what the user chose, else what the import matched. */
function selectValue(agency: PlanImportAgency, choice: AgencyChoice | undefined): string {
  if (choice) return choice.kind === 'unit' ? String(choice.unitId) : choice.kind;
  return agency.match.kind === 'unit' ? String(agency.match.unitId) : '';
}

/**
 * The agencies the file names and what each was taken to be. A name no unit matched must be
 * decided before the import (a unit, a new unit, or "chỉ giữ tên"); a match can be changed too.
 */
export function ImportAgencies(props: {
  agencies: PlanImportAgency[];
  units: UnitDto[];
  choices: Record<string, AgencyChoice>;
  onChoose: (text: string, choice: AgencyChoice | undefined) => void;
  defaultParentId: number | null;
}) {
  // Names no unit matched first, then unsure matches: what needs the user's eye.
  const rank = (a: PlanImportAgency) => (a.match.kind === 'none' ? 0 : a.match.kind === 'unit' && !a.match.sure ? 1 : 2);
  const named = props.agencies.filter((a) => a.match.kind !== 'group').sort((a, b) => rank(a) - rank(b));
  const groups = props.agencies.filter((a) => a.match.kind === 'group');
  const open = props.agencies.filter((a) => a.match.kind === 'none' && !props.choices[a.text]);
  const sorted = [...props.units].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const onSelect = (agency: PlanImportAgency, value: string) => {
    if (value === '') return props.onChoose(agency.text, undefined);
    if (value === KEEP) return props.onChoose(agency.text, { kind: 'keep' });
    if (value === CREATE) return props.onChoose(agency.text, { kind: 'create', unitKind: guessKind(agency.text), parentId: props.defaultParentId });
    props.onChoose(agency.text, { kind: 'unit', unitId: Number(value) });
  };
  if (props.agencies.length === 0) return null;
  return (
    <section aria-label="Cơ quan được nêu trong tệp">
      <h3>Cơ quan chủ trì, phối hợp được nêu trong tệp</h3>
      {open.length ? (
        <p className="warning-box" role="status">
          Còn <b>{open.length}</b> cơ quan chưa khớp với đơn vị nào: hãy chọn đơn vị tương ứng, chọn <i>Tạo đơn vị mới</i> hoặc <i>Chỉ giữ tên</i> (tên vẫn được ghi trong kế hoạch nhưng không có
          đơn vị nào phải báo cáo).
        </p>
      ) : null}
      <div className="preview-scroll preview-scroll-short">
        <table className="table table-compact" aria-label="Các cơ quan trong tệp">
          <thead>
            <tr>
              <th>Tên trong tệp</th>
              <th>Dòng</th>
              <th>Là đơn vị</th>
              <th>Vì sao</th>
            </tr>
          </thead>
          <tbody>
            {named.map((a) => {
              const choice = props.choices[a.text];
              const unsure = a.match.kind === 'none' ? !choice : a.match.kind === 'unit' && !a.match.sure && !choice;
              return (
                <tr key={a.text} className={unsure ? 'row-unsure' : undefined}>
                  <td>{a.text}</td>
                  <td className="num">{a.rows.slice(0, 6).join(', ') + (a.rows.length > 6 ? '…' : '')}</td>
                  <td>
                    <select aria-label={`Đơn vị của "${a.text}"`} value={selectValue(a, choice)} onChange={(e) => onSelect(a, e.target.value)}>
                      {a.match.kind === 'none' ? <option value="">— Chọn —</option> : null}
                      <option value={KEEP}>Chỉ giữ tên (không gán đơn vị)</option>
                      <option value={CREATE}>Tạo đơn vị mới: {a.text}</option>
                      {sorted.map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="why">{choice ? 'do bạn chọn' : a.match.why}</td>
                </tr>
              );
            })}
            {groups.map((a) => (
              <tr key={a.text}>
                <td>{a.text}</td>
                <td className="num">{a.rows.slice(0, 6).join(', ') + (a.rows.length > 6 ? '…' : '')}</td>
                <td>{a.match.kind === 'group' ? `${AGENCY_GROUPS[a.match.group]}${a.unitCount !== null && a.match.group !== 'related' ? `: ${a.unitCount} đơn vị` : ''}` : ''}</td>
                <td className="why">{a.match.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A new unit's kind from its name: "Hội …", "Trạm …" are other bodies; "Sở …", "Ban …" departments. */
function guessKind(name: string): UnitKind {
  return /^(Sở|Ban|Công an|Thanh tra|Văn phòng)\b/i.test(name.trim()) ? 'department' : /^(Xã|Phường|Thị trấn)\b/i.test(name.trim()) ? 'commune' : 'agency';
}

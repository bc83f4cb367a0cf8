import { useState, type FormEvent } from 'react';
import type { UnitDto } from '../../../../shared/api/types';
import { UNIT_KINDS, formatIsoDate, type UnitKind } from '../../../../shared/domain/org-units';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { DateField, parseDateText, todayText } from '../../components/DateField';
import { Dialog, FormFooter } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/fields';

export type UnitAction =
  | { kind: 'create'; parent: UnitDto | null }
  | { kind: 'rename'; unit: UnitDto }
  | { kind: 'move'; unit: UnitDto }
  | { kind: 'merge'; unit: UnitDto }
  | { kind: 'dissolve'; unit: UnitDto };

const TITLES: Record<UnitAction['kind'], string> = {
  create: 'Thêm đơn vị',
  rename: 'Đổi tên đơn vị',
  move: 'Chuyển đơn vị cấp trên',
  merge: 'Sáp nhập đơn vị',
  dissolve: 'Giải thể đơn vị',
};

const CHILD_KIND: Partial<Record<UnitKind, UnitKind>> = { province: 'district', district: 'commune' };

/** Every change to a unit takes an effective date; the history before it stays as it was. */
export function UnitChangeDialog(props: { action: UnitAction; units: UnitDto[]; onClose: () => void; onDone: (u: UnitDto, message: string) => void }) {
  const a = props.action;
  const [date, setDate] = useState(todayText());
  const [name, setName] = useState(a.kind === 'rename' ? a.unit.name : '');
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<UnitKind>(a.kind === 'create' ? (a.parent ? (CHILD_KIND[a.parent.kind] ?? 'department') : 'province') : 'district');
  const [targetId, setTargetId] = useState(a.kind === 'create' ? String(a.parent?.id ?? '') : a.kind === 'move' ? String(a.unit.parentId ?? '') : '');
  const [note, setNote] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const others = props.units.filter((u) => a.kind === 'create' || u.id !== a.unit.id).filter((u) => u.dissolvedOn === null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const d = parseDateText(date, 'ngày hiệu lực');
    if (!d.ok) return setDateError(d.error);
    setDateError(null);
    const when = formatIsoDate(d.iso);
    void run(async () => {
      const optionalNote = note.trim() || undefined;
      switch (a.kind) {
        case 'create': {
          const u = await api.call('unit-create', { code: code.trim(), name: name.trim(), kind, parentId: targetId ? Number(targetId) : null, validFrom: d.iso });
          props.onDone(u, `Đã thêm "${u.name}" từ ngày ${when}.`);
          break;
        }
        case 'rename': {
          const u = await api.call('unit-rename', { id: a.unit.id, name: name.trim(), effectiveOn: d.iso, note: optionalNote });
          props.onDone(u, `Đã đổi tên thành "${u.name}" từ ngày ${when}. Báo cáo trước ngày đó vẫn dùng tên "${a.unit.name}".`);
          break;
        }
        case 'move': {
          const u = await api.call('unit-move', { id: a.unit.id, parentId: targetId ? Number(targetId) : null, effectiveOn: d.iso, note: optionalNote });
          props.onDone(u, `Đã chuyển "${u.name}" từ ngày ${when}.`);
          break;
        }
        case 'merge': {
          if (!targetId) throw new Error('Cần chọn đơn vị nhận sáp nhập.');
          const u = await api.call('unit-merge', { sourceIds: [a.unit.id], targetId: Number(targetId), effectiveOn: d.iso, note: optionalNote });
          props.onDone(u, `Đã sáp nhập "${a.unit.name}" vào "${u.name}" từ ngày ${when}.`);
          break;
        }
        case 'dissolve': {
          const u = await api.call('unit-dissolve', { id: a.unit.id, effectiveOn: d.iso, note: optionalNote });
          props.onDone(u, `Đã giải thể "${u.name}" từ ngày ${when}.`);
          break;
        }
      }
      props.onClose();
    });
  };

  return (
    <Dialog title={TITLES[a.kind]} onClose={props.onClose}>
      <form onSubmit={submit}>
        {a.kind !== 'create' ? (
          <p className="dialog-subject">
            Đơn vị: <b>{a.unit.name}</b>
          </p>
        ) : null}
        {a.kind === 'create' || a.kind === 'rename' ? (
          <TextField label={a.kind === 'rename' ? 'Tên mới' : 'Tên đơn vị'} name="name" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        ) : null}
        {a.kind === 'create' ? (
          <div className="form-row">
            <TextField label="Mã đơn vị" name="code" placeholder="ví dụ KT.SYT" hint="Chữ không dấu, số và . _ -" value={code} onChange={(e) => setCode(e.target.value)} />
            <SelectField label="Loại đơn vị" name="kind" value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
              {Object.entries(UNIT_KINDS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
        {a.kind === 'create' || a.kind === 'move' || a.kind === 'merge' ? (
          <SelectField
            label={a.kind === 'merge' ? 'Sáp nhập vào đơn vị' : 'Đơn vị cấp trên'}
            name="target"
            value={targetId}
            onChange={(e) => setTargetId(e.target.value)}
          >
            <option value="">{a.kind === 'merge' ? '(chọn đơn vị)' : '(không có — đơn vị cấp cao nhất)'}</option>
            {others.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {a.kind === 'merge' ? <p className="field-hint">Các đơn vị trực thuộc của "{a.unit.name}" sẽ chuyển sang đơn vị nhận sáp nhập từ cùng ngày.</p> : null}
        <DateField label={a.kind === 'create' ? 'Hoạt động từ ngày' : 'Ngày hiệu lực'} name="date" value={date} onChange={setDate} error={dateError} />
        {a.kind !== 'create' ? <TextField label="Căn cứ / ghi chú" name="note" placeholder="ví dụ Nghị quyết số …" value={note} onChange={(e) => setNote(e.target.value)} /> : null}
        <FormFooter error={error} busy={busy} submitLabel={TITLES[a.kind].replace(' đơn vị', '')} danger={a.kind === 'dissolve'} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

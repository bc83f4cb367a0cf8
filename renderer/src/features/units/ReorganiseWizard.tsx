/**
 * The reorganisation wizard: a date, the changes of that date (units dissolved and where their
 * units go, mergers into an existing or a new unit, renames, moves, child affairs handed over),
 * a preview of the tree before and after, then confirm. Nothing is written before "Xác nhận".
 */
import { useMemo, useState } from 'react';
import type { ReorgResult, UnitDto } from '../../../../shared/api/types';
import { UNIT_KIND_SHORT, compareUnitsForList, dayBefore, formatIsoDate, type UnitKind } from '../../../../shared/domain/org-units';
import type { DiffNode, ReorgStep } from '../../../../shared/domain/reorganisation';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { DateField, parseDateText } from '../../components/DateField';
import { ErrorBox } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/fields';
import { groupBy } from '../../../../shared/domain/group';

type Card =
  | { key: number; op: 'dissolve'; unitIds: number[]; childrenTo: string }
  | { key: number; op: 'merge'; unitIds: number[]; target: string; newName: string; newKind: UnitKind }
  | { key: number; op: 'rename'; unitId: string; name: string }
  | { key: number; op: 'move'; unitIds: number[]; parentId: string }
  | { key: number; op: 'transfer'; fromId: string; toId: string }
  | { key: number; op: 'split'; unitId: string; parts: string[]; assign: Record<number, number> };

const CARD_LABEL: Record<Card['op'], string> = {
  dissolve: 'Giải thể đơn vị',
  merge: 'Sáp nhập, hợp nhất',
  rename: 'Đổi tên',
  move: 'Chuyển sang đơn vị cấp trên khác',
  transfer: 'Chuyển giao công tác trẻ em',
  split: 'Chia tách',
};
const NEW = 'new';

let nextKey = 1;
function newCard(op: Card['op']): Card {
  const key = nextKey++;
  switch (op) {
    case 'dissolve':
      return { key, op, unitIds: [], childrenTo: '' };
    case 'merge':
      return { key, op, unitIds: [], target: NEW, newName: '', newKind: 'commune' };
    case 'rename':
      return { key, op, unitId: '', name: '' };
    case 'move':
      return { key, op, unitIds: [], parentId: '' };
    case 'transfer':
      return { key, op, fromId: '', toId: '' };
    case 'split':
      return { key, op, unitId: '', parts: ['', ''], assign: {} };
  }
}

function toSteps(cards: Card[], units: UnitDto[]): ReorgStep[] | string {
  const steps: ReorgStep[] = [];
  for (const [i, c] of cards.entries()) {
    const where = `Thay đổi thứ ${i + 1} (${CARD_LABEL[c.op]})`;
    switch (c.op) {
      case 'dissolve':
        if (!c.unitIds.length) return `${where}: chưa chọn đơn vị giải thể.`;
        for (const unitId of c.unitIds) steps.push({ op: 'dissolve', unitId, childrenTo: c.childrenTo ? Number(c.childrenTo) : null });
        break;
      case 'merge': {
        if (!c.unitIds.length) return `${where}: chưa chọn đơn vị bị sáp nhập.`;
        if (c.target === NEW && !c.newName.trim()) return `${where}: chưa nhập tên đơn vị mới.`;
        const parentId = units.find((u) => u.id === c.unitIds[0])?.parentId ?? null;
        steps.push({ op: 'merge', sourceIds: c.unitIds, into: c.target === NEW ? { unit: { name: c.newName.trim(), kind: c.newKind, parentId } } : { unitId: Number(c.target) } });
        break;
      }
      case 'rename':
        if (!c.unitId || !c.name.trim()) return `${where}: chọn đơn vị và nhập tên mới.`;
        steps.push({ op: 'rename', unitId: Number(c.unitId), name: c.name.trim() });
        break;
      case 'move':
        if (!c.unitIds.length || !c.parentId) return `${where}: chọn đơn vị và đơn vị cấp trên mới.`;
        steps.push({ op: 'move', unitIds: c.unitIds, parentId: Number(c.parentId) });
        break;
      case 'transfer':
        if (!c.fromId || !c.toId) return `${where}: chọn đơn vị giao và đơn vị nhận.`;
        steps.push({ op: 'transfer', duty: 'child_affairs', fromId: Number(c.fromId), toId: Number(c.toId) });
        break;
      case 'split': {
        const source = units.find((u) => u.id === Number(c.unitId));
        if (!source) return `${where}: chưa chọn đơn vị chia tách.`;
        const names = c.parts.map((p) => p.trim());
        if (names.filter(Boolean).length < 2 || names.some((n) => !n)) return `${where}: nhập tên cho từng đơn vị mới (ít nhất 2).`;
        const children = units.filter((u) => u.parentId === source.id && u.dissolvedOn === null);
        const unassigned = children.filter((ch) => c.assign[ch.id] === undefined);
        if (unassigned.length) return `${where}: chọn đơn vị mới cho ${unassigned.map((u) => u.name).join(', ')}.`;
        steps.push({
          op: 'split',
          unitId: source.id,
          parts: names.map((name, i) => ({ name, kind: source.kind, parentId: source.parentId, childIds: children.filter((ch) => c.assign[ch.id] === i).map((ch) => ch.id) })),
        });
        break;
      }
    }
  }
  return steps.length ? steps : 'Chưa có thay đổi nào. Hãy thêm ít nhất một thay đổi.';
}

export function ReorganiseWizard(props: { units: UnitDto[]; onClose: () => void; onDone: (message: string) => void }) {
  const [dateText, setDateText] = useState('');
  const [title, setTitle] = useState('');
  const [cards, setCards] = useState<Card[]>([]);
  const [preview, setPreview] = useState<ReorgResult | null>(null);
  const { busy, error, setError, run } = useAction();
  const active = props.units.filter((u) => u.dissolvedOn === null);
  const parsed = parseDateText(dateText, 'ngày hiệu lực');

  const update = (key: number, patch: Partial<Card>) => {
    setPreview(null);
    setCards((cs) => cs.map((c) => (c.key === key ? ({ ...c, ...patch } as Card) : c)));
  };
  const request = () => {
    if (!parsed.ok) return parsed.error;
    if (!title.trim()) return 'Cần nhập tên đợt sắp xếp (ví dụ: Sắp xếp đơn vị hành chính cấp xã).';
    const steps = toSteps(cards, props.units);
    return typeof steps === 'string' ? steps : { effectiveOn: parsed.iso, title: title.trim(), steps };
  };
  const showPreview = () => {
    const r = request();
    if (typeof r === 'string') return setError(r);
    void run(async () => setPreview(await api.call('org-reorganise', { ...r, preview: true })));
  };
  const confirm = () => {
    const r = request();
    if (typeof r === 'string') return setError(r);
    void run(async () => {
      const done = await api.call('org-reorganise', r);
      props.onDone(`Đã áp dụng "${done.change?.title}" từ ngày ${formatIsoDate(r.effectiveOn)}. Báo cáo trước ngày đó vẫn giữ đơn vị và tên cũ.`);
    });
  };

  return (
    <section className="page wizard" aria-label="Sắp xếp tổ chức">
      <header className="page-head">
        <div>
          <h1>Sắp xếp tổ chức</h1>
          <p className="page-lead">Ghi một đợt sắp xếp có ngày hiệu lực. Các kỳ báo cáo trước ngày đó vẫn dùng cây đơn vị cũ; có thể hoàn tác nếu nhập nhầm.</p>
        </div>
        <div className="toolbar">
          <button type="button" onClick={props.onClose}>
            Quay lại
          </button>
        </div>
      </header>
      <ol className="wizard-steps">
        <li>
          <h2>1. Ngày hiệu lực và tên đợt</h2>
          <div className="form-row">
            <DateField label="Ngày hiệu lực" name="effectiveOn" value={dateText} onChange={(t) => (setDateText(t), setPreview(null))} error={dateText && !parsed.ok ? parsed.error : null} />
            <TextField label="Tên đợt sắp xếp" name="title" value={title} onChange={(e) => (setTitle(e.target.value), setPreview(null))} placeholder="Ví dụ: Sắp xếp đơn vị hành chính cấp xã" />
          </div>
        </li>
        <li>
          <h2>2. Các thay đổi</h2>
          {cards.length === 0 ? <p className="muted">Chưa có thay đổi nào. Bấm một trong các nút dưới đây để thêm.</p> : null}
          {cards.map((c, i) => (
            <fieldset key={c.key} className="wizard-card">
              <legend>
                {i + 1}. {CARD_LABEL[c.op]}
              </legend>
              <CardFields card={c} units={active} update={(patch) => update(c.key, patch)} />
              <button type="button" className="link-button" onClick={() => (setCards((cs) => cs.filter((x) => x.key !== c.key)), setPreview(null))}>
                Bỏ thay đổi này
              </button>
            </fieldset>
          ))}
          <div className="toolbar">
            {(Object.keys(CARD_LABEL) as Card['op'][]).map((op) => (
              <button key={op} type="button" onClick={() => (setCards((cs) => [...cs, newCard(op)]), setPreview(null))}>
                + {CARD_LABEL[op]}
              </button>
            ))}
          </div>
        </li>
        <li>
          <h2>3. Xem trước và xác nhận</h2>
          <ErrorBox message={error} />
          <div className="toolbar">
            <button type="button" className={preview ? undefined : 'primary'} disabled={busy} onClick={showPreview}>
              {busy && !preview ? 'Đang tính…' : 'Xem trước cây đơn vị'}
            </button>
            <button type="button" className="primary" disabled={busy || !preview} onClick={confirm} title={preview ? undefined : 'Hãy xem trước trước khi xác nhận'}>
              Xác nhận sắp xếp
            </button>
          </div>
          {preview ? <Preview result={preview} /> : null}
        </li>
      </ol>
    </section>
  );
}

function UnitSelect(props: { label: string; units: UnitDto[]; value: string; onChange: (v: string) => void; extra?: React.ReactNode; name?: string }) {
  return (
    <SelectField label={props.label} value={props.value} name={props.name} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">— chọn đơn vị —</option>
      {props.extra}
      {sortUnits(props.units).map((u) => (
        <option key={u.id} value={u.id}>
          {u.name} ({UNIT_KIND_SHORT[u.kind]})
        </option>
      ))}
    </SelectField>
  );
}

function sortUnits(units: UnitDto[]): UnitDto[] {
  return units.slice().sort(compareUnitsForList);
}

/** Tick several units, grouped by the unit they belong to, with a filter box for long lists. */
function UnitChecklist(props: { label: string; units: UnitDto[]; value: number[]; onChange: (ids: number[]) => void }) {
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => {
    const byParent = new Map<string, UnitDto[]>();
    const nameOf = (id: number | null) => props.units.find((u) => u.id === id)?.name ?? 'Cấp cao nhất';
    for (const u of sortUnits(props.units)) {
      if (filter && !u.name.toLocaleLowerCase('vi').includes(filter.toLocaleLowerCase('vi'))) continue;
      const key = nameOf(u.parentId);
      byParent.set(key, [...(byParent.get(key) ?? []), u]);
    }
    return [...byParent.entries()];
  }, [props.units, filter]);
  const toggle = (id: number, on: boolean) => props.onChange(on ? [...props.value, id] : props.value.filter((x) => x !== id));
  return (
    <div className="field checklist-field">
      <span>
        {props.label} {props.value.length ? <strong>(đã chọn {props.value.length})</strong> : null}
      </span>
      <input type="search" placeholder="Lọc theo tên…" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={`${props.label}: lọc theo tên`} />
      <div className="checklist" role="group" aria-label={props.label}>
        {groups.map(([parent, list]) => (
          <div key={parent} className="checklist-group">
            <div className="checklist-head">
              {parent}
              <button type="button" className="link-button" onClick={() => props.onChange([...new Set([...props.value, ...list.map((u) => u.id)])])}>
                chọn cả nhóm
              </button>
            </div>
            {list.map((u) => (
              <label key={u.id} className="checklist-item">
                <input type="checkbox" checked={props.value.includes(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} /> {u.name}
              </label>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function CardFields({ card: c, units, update }: { card: Card; units: UnitDto[]; update: (patch: Partial<Card>) => void }) {
  switch (c.op) {
    case 'dissolve':
      return (
        <div className="form-row">
          <UnitChecklist label="Đơn vị giải thể" units={units} value={c.unitIds} onChange={(unitIds) => update({ unitIds })} />
          <UnitSelect label="Các đơn vị trực thuộc chuyển về" units={units.filter((u) => !c.unitIds.includes(u.id))} value={c.childrenTo} onChange={(childrenTo) => update({ childrenTo })} />
        </div>
      );
    case 'merge':
      return (
        <div className="form-row">
          <UnitChecklist label="Đơn vị bị sáp nhập" units={units} value={c.unitIds} onChange={(unitIds) => update({ unitIds })} />
          <div>
            <UnitSelect
              label="Sáp nhập vào"
              units={units.filter((u) => !c.unitIds.includes(u.id))}
              value={c.target}
              onChange={(target) => update({ target })}
              extra={<option value={NEW}>Một đơn vị mới (nhập tên dưới đây)</option>}
            />
            {c.target === NEW ? (
              <>
                <TextField label="Tên đơn vị mới" name="newName" value={c.newName} onChange={(e) => update({ newName: e.target.value })} placeholder="Ví dụ: Phường Kon Tum" />
                <SelectField label="Loại đơn vị mới" value={c.newKind} onChange={(e) => update({ newKind: e.target.value as UnitKind })}>
                  {(Object.keys(UNIT_KIND_SHORT) as UnitKind[]).map((k) => (
                    <option key={k} value={k}>
                      {UNIT_KIND_SHORT[k]}
                    </option>
                  ))}
                </SelectField>
              </>
            ) : null}
          </div>
        </div>
      );
    case 'rename':
      return (
        <div className="form-row">
          <UnitSelect label="Đơn vị" units={units} value={c.unitId} onChange={(unitId) => update({ unitId })} />
          <TextField label="Tên mới" name="renameTo" value={c.name} onChange={(e) => update({ name: e.target.value })} />
        </div>
      );
    case 'move':
      return (
        <div className="form-row">
          <UnitChecklist label="Đơn vị chuyển" units={units} value={c.unitIds} onChange={(unitIds) => update({ unitIds })} />
          <UnitSelect label="Trực thuộc đơn vị" units={units.filter((u) => !c.unitIds.includes(u.id))} value={c.parentId} onChange={(parentId) => update({ parentId })} />
        </div>
      );
    case 'split': {
      const children = units.filter((u) => String(u.parentId) === c.unitId);
      return (
        <div className="form-row">
          <div>
            <UnitSelect label="Đơn vị chia tách" units={units} value={c.unitId} onChange={(unitId) => update({ unitId, assign: {} })} />
            {c.parts.map((p, i) => (
              <TextField key={i} label={`Tên đơn vị mới thứ ${i + 1}`} value={p} onChange={(e) => update({ parts: c.parts.map((x, j) => (j === i ? e.target.value : x)) })} />
            ))}
            <button type="button" className="link-button" onClick={() => update({ parts: [...c.parts, ''] })}>
              + thêm một đơn vị mới
            </button>
          </div>
          {children.length ? (
            <div className="field">
              <span>Các đơn vị trực thuộc chuyển về</span>
              {children.map((ch) => (
                <SelectField key={ch.id} label={ch.name} value={c.assign[ch.id] ?? ''} onChange={(e) => {
                  const { [ch.id]: _old, ...rest } = c.assign;
                  void _old;
                  update({ assign: e.target.value === '' ? rest : { ...rest, [ch.id]: Number(e.target.value) } });
                }}>
                  <option value="">— chọn —</option>
                  {c.parts.map((p, i) => (
                    <option key={i} value={i}>
                      {p.trim() || `Đơn vị mới thứ ${i + 1}`}
                    </option>
                  ))}
                </SelectField>
              ))}
            </div>
          ) : null}
        </div>
      );
    }
    case 'transfer':
      return (
        <div className="form-row">
          <UnitSelect label="Đơn vị đang phụ trách công tác trẻ em" units={units.filter((u) => u.duties.some((d) => d.validTo === null))} value={c.fromId} onChange={(fromId) => update({ fromId })} />
          <UnitSelect label="Đơn vị tiếp nhận" units={units} value={c.toId} onChange={(toId) => update({ toId })} />
        </div>
      );
  }
}

const MARK_LABEL: Record<DiffNode['marks'][number], string> = { new: 'mới', ended: 'kết thúc', renamed: 'đổi tên', moved: 'chuyển' };

function Preview({ result }: { result: ReorgResult }) {
  const changed = (n: DiffNode) => n.marks.length > 0;
  return (
    <div className="reorg-preview" aria-label="Xem trước">
      <h3>Những gì sẽ thay đổi từ ngày {formatIsoDate(result.effectiveOn)}</h3>
      <ul className="reorg-summary">
        {result.summary.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <div className="tree-compare">
        <DiffTree title={`Trước (đến hết ngày ${formatIsoDate(dayBefore(result.effectiveOn))})`} nodes={result.before} label="Cây đơn vị trước" />
        <DiffTree title={`Sau (từ ngày ${formatIsoDate(result.effectiveOn)})`} nodes={result.after} label="Cây đơn vị sau" />
      </div>
      <p className="muted small">
        {result.after.filter(changed).length + result.before.filter(changed).length} đơn vị có thay đổi. Bấm "Xác nhận sắp xếp" để lưu; có thể hoàn tác ở danh sách "Các đợt thay đổi".
      </p>
    </div>
  );
}

function DiffTree({ title, nodes, label }: { title: string; nodes: DiffNode[]; label: string }) {
  const ids = new Set(nodes.map((n) => n.id));
  const children = groupBy(nodes, (n) => (n.parentId !== null && ids.has(n.parentId) ? n.parentId : null));
  const render = (parent: number | null, depth: number): React.ReactNode =>
    (children.get(parent) ?? [])
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((n) => (
        <li key={n.id} aria-level={depth + 1}>
          <span className={n.marks.length ? `diff-node ${n.marks.join(' ')}` : 'diff-node'}>
            {n.name}
            {n.isSample ? <span className="sample-tag">mẫu</span> : null}
            {n.marks.map((m) => (
              <span key={m} className={`mark mark-${m}`}>
                {MARK_LABEL[m]}
                {m === 'renamed' && n.oldName ? `: trước là ${n.oldName}` : ''}
              </span>
            ))}
          </span>
          {children.get(n.id)?.length ? <ul>{render(n.id, depth + 1)}</ul> : null}
        </li>
      ));
  return (
    <div className="diff-tree">
      <h4>{title}</h4>
      <ul aria-label={label}>{render(null, 0)}</ul>
    </div>
  );
}

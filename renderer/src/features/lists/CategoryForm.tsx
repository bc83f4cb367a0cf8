import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CategoryDto } from '../../../../shared/api/types';
import { OPTION_CODE, codeFromName } from '../../../../shared/domain/breakdown';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { DateField, parseDateText, todayText } from '../../components/DateField';
import { Dialog, FormFooter } from '../../components/Dialog';
import { TextField } from '../../components/fields';

type OptionRow = { key: number; id?: number; name: string; code: string; codeTouched: boolean; retired: boolean; used: boolean; wasName?: string };

let nextKey = 1;
const row = (o?: CategoryDto['options'][number]): OptionRow => ({
  key: nextKey++,
  id: o?.id,
  name: o?.name ?? '',
  code: o?.code ?? '',
  codeTouched: !!o,
  retired: !!o?.retiredOn,
  used: o?.used ?? false,
  wasName: o?.name,
});

/** A category of breakdowns and its options: names, codes, order, retired options, renames from a date. */
export function CategoryForm(props: { category?: CategoryDto; onClose: () => void; onSaved: (c: CategoryDto) => void }) {
  const c = props.category;
  const [name, setName] = useState(c?.name ?? '');
  const [code, setCode] = useState(c?.code ?? '');
  const [codeTouched, setCodeTouched] = useState(!!c);
  const [note, setNote] = useState(c?.note ?? '');
  const [options, setOptions] = useState<OptionRow[]>(() => (c?.options.length ? c.options.map(row) : [row(), row()]));
  const [effectiveOn, setEffectiveOn] = useState(todayText());
  const { busy, error, setError, run } = useAction();
  const renamed = options.filter((o) => o.wasName !== undefined && o.wasName !== o.name.trim() && o.name.trim());

  const update = (key: number, patch: Partial<OptionRow>) =>
    setOptions((list) => list.map((o) => (o.key === key ? { ...o, ...patch, ...(patch.name !== undefined && !o.codeTouched ? { code: codeFromName(patch.name) } : {}) } : o)));
  const move = (i: number, by: number) =>
    setOptions((list) => {
      const next = [...list];
      const [x] = next.splice(i, 1);
      next.splice(Math.max(0, Math.min(next.length, i + by)), 0, x!);
      return next;
    });
  const add = () => setOptions((list) => [...list, row()]);
  const onOptionKey = (e: KeyboardEvent, i: number) => {
    // Enter on the last option adds the next one, as in a list typed in Excel.
    if (e.key === 'Enter') {
      e.preventDefault();
      if (i === options.length - 1) add();
      setTimeout(() => (document.querySelectorAll<HTMLInputElement>('.option-name')[i + 1] ?? null)?.focus(), 0);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = options.filter((o) => o.name.trim() || o.id !== undefined);
    const missing = list.find((o) => !o.name.trim());
    if (missing) return setError('Mỗi giá trị cần một tên (hoặc bấm × để bỏ dòng trống).');
    const badCode = list.find((o) => !OPTION_CODE.test(o.code));
    if (badCode) return setError(`Mã "${badCode.code}" của "${badCode.name}" chỉ gồm chữ không dấu, số, _ và - (tối đa 20 ký tự).`);
    const from = parseDateText(effectiveOn, 'ngày dùng tên mới');
    if (renamed.length && !from.ok) return setError(from.error);
    void run(async () => {
      const saved = await api.call('category-save', {
        id: c?.id,
        code: code.trim(),
        name: name.trim(),
        note: note.trim(),
        effectiveOn: renamed.length && from.ok ? from.iso : undefined,
        options: list.map((o) => ({ id: o.id, code: o.code.trim(), name: o.name.trim(), retired: o.retired })),
      });
      props.onSaved(saved);
      props.onClose();
    });
  };

  return (
    <Dialog title={c ? `Sửa nhóm phân tổ "${c.name}"` : 'Thêm nhóm phân tổ'} onClose={props.onClose} wide>
      <form onSubmit={submit} className="category-form">
        <div className="form-row">
          <TextField
            label="Tên nhóm"
            name="name"
            autoFocus
            placeholder="ví dụ: Giới tính, Nhóm tuổi, Môi trường xâm hại, Dân tộc"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              if (!codeTouched) setCode(codeFromName(e.target.value));
            }}
          />
          <TextField label="Mã nhóm" name="code" hint="Chữ không dấu, số, _ và -" value={code} onChange={(e) => (setCode(e.target.value), setCodeTouched(true))} />
        </div>
        <TextField label="Ghi chú" name="note" placeholder="ví dụ: theo hướng dẫn số … của Bộ Y tế" value={note} onChange={(e) => setNote(e.target.value)} />
        <fieldset>
          <legend>Các giá trị, theo thứ tự trên biểu mẫu</legend>
          <p className="field-hint">
            Mỗi giá trị là một dòng nhập số liệu trên biểu mẫu. Mã giá trị (viết trên biểu mẫu, ví dụ 9/NAM/DUOI-6) giúp TongHop nhận lại đúng dòng; đổi tên không làm mất số liệu cũ.
            Giá trị đã có số liệu thì không xóa được, chỉ đánh dấu "Ngừng dùng".
          </p>
          <table className="table table-compact option-table" aria-label="Các giá trị của nhóm">
            <thead>
              <tr>
                <th>Tên giá trị</th>
                <th>Mã</th>
                <th>Ngừng dùng</th>
                <th aria-label="Thứ tự và xóa" />
              </tr>
            </thead>
            <tbody>
              {options.map((o, i) => (
                <tr key={o.key} className={o.retired ? 'row-retired' : undefined}>
                  <td>
                    <input className="option-name" aria-label={`Tên giá trị ${i + 1}`} value={o.name} onChange={(e) => update(o.key, { name: e.target.value })} onKeyDown={(e) => onOptionKey(e, i)} />
                    {o.wasName !== undefined && o.wasName !== o.name.trim() && o.name.trim() ? <div className="field-hint">Tên cũ: {o.wasName}</div> : null}
                  </td>
                  <td>
                    <input className="input-code" aria-label={`Mã giá trị ${i + 1}`} value={o.code} onChange={(e) => update(o.key, { code: e.target.value, codeTouched: true })} />
                  </td>
                  <td className="center">
                    <input type="checkbox" aria-label={`Ngừng dùng ${o.name}`} checked={o.retired} onChange={(e) => update(o.key, { retired: e.target.checked })} />
                  </td>
                  <td className="row-actions">
                    <button type="button" className="link" aria-label={`Đưa ${o.name || 'dòng'} lên`} disabled={i === 0} onClick={() => move(i, -1)}>
                      ↑
                    </button>
                    <button type="button" className="link" aria-label={`Đưa ${o.name || 'dòng'} xuống`} disabled={i === options.length - 1} onClick={() => move(i, 1)}>
                      ↓
                    </button>
                    <button
                      type="button"
                      className="link danger-link"
                      aria-label={`Bỏ ${o.name || 'dòng'}`}
                      disabled={o.used}
                      title={o.used ? 'Đã có số liệu: chỉ đánh dấu Ngừng dùng' : 'Bỏ giá trị này'}
                      onClick={() => setOptions((list) => list.filter((x) => x.key !== o.key))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={add}>
            + Thêm giá trị
          </button>
        </fieldset>
        {renamed.length ? (
          <div className="rename-date">
            <DateField label="Tên mới dùng từ ngày" name="effectiveOn" value={effectiveOn} onChange={setEffectiveOn} />
            <p className="field-hint">
              Đổi tên {renamed.map((o) => `"${o.wasName}" → "${o.name.trim()}"`).join(', ')}. Báo cáo của các kỳ kết thúc trước ngày này vẫn hiện tên cũ.
            </p>
          </div>
        ) : null}
        <FormFooter error={error} busy={busy} submitLabel={c ? 'Lưu nhóm phân tổ' : 'Thêm nhóm phân tổ'} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import type { PlanSummary } from '../../../../shared/api/types';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { DateField, parseDateText } from '../../components/DateField';
import { Dialog, FormFooter } from '../../components/Dialog';
import { SelectField, TextAreaField, TextField } from '../../components/fields';

export type PlanFields = { number: string; title: string; issuerName: string; issuedOn: string | null; yearFrom: number; yearTo: number; parentPlanId: number | null };

/** The plan's own fields, shared by "create", "edit" and "import". */
export function PlanFieldsEditor(props: {
  value: PlanFormState;
  onChange: (v: PlanFormState) => void;
  plans: PlanSummary[];
  selfId?: number;
  errors: Partial<Record<keyof PlanFormState, string>>;
  /** Under the years: where they were taken from, when an import guessed them. */
  yearsHint?: ReactNode;
  autoFocus?: boolean;
}) {
  const { value: v, onChange } = props;
  const set = (patch: Partial<PlanFormState>) => onChange({ ...v, ...patch });
  return (
    <>
      <TextAreaField label="Tên kế hoạch" name="title" rows={2} autoFocus={props.autoFocus ?? true} value={v.title} onChange={(e) => set({ title: e.target.value })} />
      {props.errors.title ? <div className="field-error">{props.errors.title}</div> : null}
      <div className="form-row">
        <TextField label="Số kế hoạch" name="number" placeholder="ví dụ 2026/KH-UBND" value={v.number} onChange={(e) => set({ number: e.target.value })} />
        <DateField label="Ngày ban hành" name="issuedOn" value={v.issuedOn} onChange={(issuedOn) => set({ issuedOn })} error={props.errors.issuedOn} />
      </div>
      <TextField label="Cơ quan ban hành" name="issuerName" placeholder="ví dụ Ủy ban nhân dân tỉnh Kon Tum" value={v.issuerName} onChange={(e) => set({ issuerName: e.target.value })} />
      <div className="form-row">
        <TextField label="Từ năm" name="yearFrom" inputMode="numeric" value={v.yearFrom} onChange={(e) => set({ yearFrom: e.target.value })} error={props.errors.yearFrom} />
        <TextField label="Đến năm" name="yearTo" inputMode="numeric" value={v.yearTo} onChange={(e) => set({ yearTo: e.target.value })} error={props.errors.yearTo} />
      </div>
      {props.yearsHint}
      <SelectField label="Căn cứ kế hoạch cấp trên" name="parentPlanId" value={v.parentPlanId} onChange={(e) => set({ parentPlanId: e.target.value })}>
        <option value="">(không có)</option>
        {props.plans
          .filter((p) => p.id !== props.selfId)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.number ? `${p.number} — ` : ''}
              {p.title.slice(0, 90)}
            </option>
          ))}
      </SelectField>
    </>
  );
}

export interface PlanFormState {
  number: string;
  title: string;
  issuerName: string;
  issuedOn: string;
  yearFrom: string;
  yearTo: string;
  parentPlanId: string;
}

export function toFormState(p?: Partial<PlanSummary>): PlanFormState {
  const year = String(new Date().getFullYear());
  return {
    number: p?.number ?? '',
    title: p?.title ?? '',
    issuerName: p?.issuerName ?? '',
    issuedOn: p?.issuedOn ? formatIsoDate(p.issuedOn) : '',
    yearFrom: String(p?.yearFrom ?? year),
    yearTo: String(p?.yearTo ?? p?.yearFrom ?? year),
    parentPlanId: p?.parentPlanId ? String(p.parentPlanId) : '',
  };
}

/** Checks the form; returns the fields for the API or the errors to show beside each input. */
export function fromFormState(s: PlanFormState): { ok: true; fields: PlanFields } | { ok: false; errors: Partial<Record<keyof PlanFormState, string>> } {
  const errors: Partial<Record<keyof PlanFormState, string>> = {};
  if (!s.title.trim()) errors.title = 'Cần nhập tên kế hoạch.';
  const yearFrom = Number(s.yearFrom);
  const yearTo = Number(s.yearTo);
  if (!/^\d{4}$/.test(s.yearFrom.trim())) errors.yearFrom = 'Năm gồm 4 chữ số, ví dụ 2026.';
  if (!/^\d{4}$/.test(s.yearTo.trim())) errors.yearTo = 'Năm gồm 4 chữ số, ví dụ 2030.';
  else if (yearTo < yearFrom) errors.yearTo = 'Năm kết thúc không được trước năm bắt đầu.';
  let issuedOn: string | null = null;
  if (s.issuedOn.trim()) {
    const d = parseDateText(s.issuedOn, 'ngày ban hành');
    if (d.ok) issuedOn = d.iso;
    else errors.issuedOn = d.error;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    fields: { number: s.number.trim(), title: s.title.trim(), issuerName: s.issuerName.trim(), issuedOn, yearFrom, yearTo, parentPlanId: s.parentPlanId ? Number(s.parentPlanId) : null },
  };
}

export function PlanForm(props: { plan?: PlanSummary; plans: PlanSummary[]; onClose: () => void; onSaved: (p: PlanSummary) => void }) {
  const [state, setState] = useState(() => toFormState(props.plan));
  const [errors, setErrors] = useState<Partial<Record<keyof PlanFormState, string>>>({});
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = fromFormState(state);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    void run(async () => {
      const saved = props.plan ? await api.call('plan-update', { id: props.plan.id, ...checked.fields }) : await api.call('plan-create', checked.fields);
      props.onSaved(saved);
      props.onClose();
    });
  };
  return (
    <Dialog title={props.plan ? 'Sửa thông tin kế hoạch' : 'Tạo kế hoạch mới'} onClose={props.onClose}>
      <form onSubmit={submit}>
        <PlanFieldsEditor value={state} onChange={setState} plans={props.plans} selfId={props.plan?.id} errors={errors} />
        <FormFooter error={error} busy={busy} submitLabel={props.plan ? 'Lưu' : 'Tạo kế hoạch'} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import type { PlanSummary, UnitDto } from '../../../../shared/api/types';
import type { Direction } from '../../../../shared/domain/measure';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorBox, ProblemList } from '../../components/Feedback';
import { FilePicker } from '../../components/FilePicker';
import { SelectField } from '../../components/fields';
import { useUploadPreview } from '../../components/use-upload-preview';
import { ImportAgencies, type AgencyChoice } from './ImportAgencies';
import { ImportMeasures } from './ImportMeasures';
import { ImportTasks } from './ImportTasks';
import { PlanFieldsEditor, fromFormState, toFormState, type PlanFormState } from './PlanForm';

const TERRITORIAL = new Set(['province', 'district', 'commune']);

/**
 * Import a plan from Excel: its indicator table, its task table or its numbered activities. The
 * preview says what was found and what was inferred (and why); unmatched agencies are decided
 * here; nothing is written until "Nhập".
 */
export function PlanImportDialog(props: { plans: PlanSummary[]; onClose: () => void; onImported: (p: PlanSummary) => void }) {
  const [form, setForm] = useState<PlanFormState>(() => toFormState());
  const [errors, setErrors] = useState<Partial<Record<keyof PlanFormState, string>>>({});
  const [directions, setDirections] = useState<Record<number, Direction>>({});
  const [choices, setChoices] = useState<Record<string, AgencyChoice>>({});
  const [units, setUnits] = useState<UnitDto[]>([]);
  const { upload, preview, setPreview, busy, error, pick, commit } = useUploadPreview(
    (u) => api.call('plan-import-preview', u),
    (p) => {
      setForm(toFormState({ title: p.guessedTitle, yearFrom: p.guessedYears?.from, yearTo: p.guessedYears?.to, issuerName: p.issuer ? `Ủy ban nhân dân ${p.issuer.name.charAt(0).toLowerCase()}${p.issuer.name.slice(1)}` : '' }));
      setDirections({});
      setChoices({});
    },
  );
  const yearFrom = /^\d{4}$/.test(form.yearFrom) ? Number(form.yearFrom) : null;
  // The units that existed when the plan starts: what its agencies can be.
  useEffect(() => {
    if (!preview) return;
    void api.call('unit-list', yearFrom ? { asOf: `${yearFrom}-01-01` } : {}).then(setUnits);
  }, [preview !== null, yearFrom]);

  const reask = async (issuerUnitId: number | null) => {
    if (!upload) return;
    setPreview(await api.call('plan-import-preview', { ...upload, issuerUnitId, ...(yearFrom ? { yearFrom } : {}) }));
  };

  const open = preview?.agencies.filter((a) => a.match.kind === 'none' && !choices[a.text]) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!preview) return;
    const checked = fromFormState(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    void commit('Đang nhập kế hoạch…', async (u) => {
      const plan = await api.call('plan-import-commit', {
        ...u,
        plan: { ...checked.fields, issuerUnitId: preview.issuer?.unitId ?? null },
        directions: Object.entries(directions).map(([row, direction]) => ({ row: Number(row), direction })),
        agencies: Object.entries(choices).map(([text, c]) =>
          c.kind === 'unit' ? { text, unitId: c.unitId } : c.kind === 'keep' ? { text, unitId: null } : { text, unitId: null, create: { name: text, kind: c.unitKind, parentId: c.parentId } },
        ),
      });
      props.onImported(plan);
      props.onClose();
    });
  };

  const blocking = preview?.problems.filter((p) => p.severity === 'error') ?? [];
  const what = preview ? [preview.measureCount ? `${preview.measureCount} chỉ số` : '', preview.taskCount ? `${preview.taskCount} ${preview.tasks?.layout === 'activities' ? 'hoạt động' : 'nhiệm vụ'}` : ''].filter(Boolean).join(' và ') : '';
  return (
    <Dialog title="Nhập kế hoạch từ Excel" onClose={props.onClose} wide>
      {!preview ? (
        <>
          <p>Chọn tệp Excel (.xlsx, .xls) của kế hoạch. Chương trình đọc được:</p>
          <ul>
            <li>
              <b>Bảng chỉ tiêu</b> giống phụ lục của kế hoạch: các cột <b>TT</b>, <b>Nội dung mục tiêu/chỉ tiêu</b>, <b>Đơn vị tính</b>, các cột chỉ tiêu ghi năm (ví dụ "Mục tiêu năm 2024") và{' '}
              <b>Đơn vị thực hiện</b>; dòng mục tiêu đánh số I, II, …; dòng chỉ tiêu ghi "Chỉ tiêu 1", "Chỉ tiêu 2", …
            </li>
            <li>
              <b>Bảng nhiệm vụ</b>: các cột <b>STT</b>, <b>Nội dung nhiệm vụ</b>, <b>Cơ quan chủ trì</b>, <b>Cơ quan phối hợp</b>, <b>Thời gian thực hiện</b> (và <b>Sản phẩm</b> nếu có).
            </li>
            <li>
              <b>Văn bản kế hoạch</b> dán vào Excel (mỗi đoạn một dòng): các hoạt động đánh số 1., 2., … dưới mục "Nội dung hoạt động" hoặc "Nhiệm vụ, giải pháp".
            </li>
          </ul>
          <FilePicker accept=".xlsx,.xls,.xlsm,.ods" label="Chọn tệp Excel…" onFile={pick} busy={busy} />
        </>
      ) : (
        <form onSubmit={submit}>
          <p className="import-summary">
            <b>{preview.fileName}</b>: tìm thấy {what}.
          </p>
          <ProblemList problems={preview.problems} errorTitle={(n) => `Có ${n} lỗi cần sửa trong tệp trước khi nhập:`} warningTitle={(n) => `${n} điều cần biết:`} />
          <ImportAgencies agencies={preview.agencies} units={units} choices={choices} defaultParentId={preview.issuer?.unitId ?? units.find((u) => u.kind === 'province' && u.parentId === null)?.id ?? null} onChoose={(text, c) => setChoices((all) => {
            const next = { ...all };
            if (c) next[text] = c;
            else delete next[text];
            return next;
          })} />
          {preview.measureCount ? <ImportMeasures preview={preview} directions={directions} onDirection={(row, d) => setDirections((all) => ({ ...all, [row]: d }))} /> : null}
          {preview.tasks ? <ImportTasks tasks={preview.tasks} issuerName={preview.issuer?.name ?? null} reportersWhy={preview.activityReporters?.why ?? null} /> : null}
          <h3>Thông tin kế hoạch</h3>
          {preview.tasks ? (
            <SelectField
              label="Đơn vị ban hành (chủ trì các hoạt động không ghi cơ quan chủ trì)"
              hint={preview.issuer ? `Máy đoán: ${preview.issuer.why}.` : 'Máy không đoán được từ tên kế hoạch.'}
              value={preview.issuer?.unitId ?? ''}
              onChange={(e) => void reask(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">(chưa chọn)</option>
              {units
                .filter((u) => TERRITORIAL.has(u.kind))
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </SelectField>
          ) : null}
          <PlanFieldsEditor
            value={form}
            onChange={setForm}
            plans={props.plans}
            errors={errors}
            autoFocus={false}
            yearsHint={
              preview.guessedYears ? (
                <p className={preview.guessedYears.sure ? 'field-hint' : 'field-hint unsure'}>
                  {preview.guessedYears.sure ? 'Máy đoán' : '⚠ Máy đoán (hãy kiểm tra)'}: năm {preview.guessedYears.from === preview.guessedYears.to ? preview.guessedYears.from : `${preview.guessedYears.from}–${preview.guessedYears.to}`} vì{' '}
                  {preview.guessedYears.why}.
                </p>
              ) : null
            }
          />
          <ErrorBox message={error} />
          <div className="form-actions">
            {open.length ? <span className="unsure-flag">Còn {open.length} cơ quan chưa chọn đơn vị.</span> : null}
            <button type="button" onClick={() => setPreview(null)}>
              Chọn tệp khác
            </button>
            <button type="submit" className="primary" disabled={busy !== null || blocking.length > 0 || (preview.measureCount === 0 && preview.taskCount === 0) || open.length > 0}>
              {busy ?? `Nhập ${what}`}
            </button>
          </div>
        </form>
      )}
      {!preview ? <ErrorBox message={error} /> : null}
    </Dialog>
  );
}

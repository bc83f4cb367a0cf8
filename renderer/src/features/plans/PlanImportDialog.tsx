import { useState, type FormEvent } from 'react';
import type { PlanSummary } from '../../../../shared/api/types';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorBox, ProblemList } from '../../components/Feedback';
import { FilePicker } from '../../components/FilePicker';
import { useUploadPreview } from '../../components/use-upload-preview';
import { PlanFieldsEditor, fromFormState, toFormState, type PlanFormState } from './PlanForm';
import { targetHeader } from './plan-text';

/** Import a plan's indicator table from Excel: pick a file, check the preview, confirm. */
export function PlanImportDialog(props: { plans: PlanSummary[]; onClose: () => void; onImported: (p: PlanSummary) => void }) {
  const [form, setForm] = useState<PlanFormState>(() => toFormState());
  const [errors, setErrors] = useState<Partial<Record<keyof PlanFormState, string>>>({});
  const { preview, setPreview, busy, error, pick, commit } = useUploadPreview(
    (upload) => api.call('plan-import-preview', upload),
    (p) => setForm(toFormState({ title: p.guessedTitle, yearFrom: p.guessedYear ?? undefined, yearTo: p.guessedYear ?? undefined })),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!preview) return;
    const checked = fromFormState(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    void commit('Đang nhập kế hoạch…', async (upload) => {
      const plan = await api.call('plan-import-commit', { ...upload, plan: checked.fields });
      props.onImported(plan);
      props.onClose();
    });
  };

  const blocking = preview?.problems.filter((p) => p.severity === 'error') ?? [];
  return (
    <Dialog title="Nhập kế hoạch từ Excel" onClose={props.onClose} wide>
      {!preview ? (
        <>
          <p>
            Chọn tệp Excel có bảng chỉ tiêu giống phụ lục của kế hoạch: các cột <b>TT</b>, <b>Nội dung mục tiêu/chỉ tiêu</b>, <b>Đơn vị tính</b>, các cột chỉ tiêu
            ghi năm (ví dụ "Mục tiêu năm 2024") và <b>Đơn vị thực hiện</b>. Dòng mục tiêu đánh số I, II, …; dòng chỉ tiêu ghi "Chỉ tiêu 1", "Chỉ tiêu 2", …
          </p>
          <FilePicker accept=".xlsx,.xls,.xlsm,.ods" label="Chọn tệp Excel…" onFile={pick} busy={busy} />
        </>
      ) : (
        <form onSubmit={submit}>
          <p className="import-summary">
            <b>{preview.fileName}</b> › trang <b>{preview.sheetName}</b>: tìm thấy {preview.goals.length} mục tiêu,{' '}
            {preview.goals.reduce((n, g) => n + g.indicators.length, 0)} chỉ tiêu, {preview.measureCount} chỉ số; cột chỉ tiêu:{' '}
            {preview.targetColumns.map((t) => `${targetHeader(t)} (cột ${t.column})`).join(', ')}.
          </p>
          <ProblemList problems={preview.problems} errorTitle={(n) => `Có ${n} lỗi cần sửa trong tệp trước khi nhập:`} warningTitle={(n) => `${n} dòng không hiểu được nên sẽ bỏ qua:`} />
          <div className="preview-scroll">
            <table className="table table-compact" aria-label="Xem trước bảng chỉ tiêu">
              <thead>
                <tr>
                  <th>TT</th>
                  <th>Nội dung</th>
                  <th>Đơn vị tính</th>
                  {preview.targetColumns.map((t) => (
                    <th key={t.column} className="num">
                      {targetHeader(t)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.goals.map((g) => [
                  <tr key={`g${g.code}`} className="row-goal">
                    <td>{g.code}</td>
                    <td colSpan={2 + preview.targetColumns.length}>{g.title}</td>
                  </tr>,
                  ...g.indicators.flatMap((ind) =>
                    ind.measures.map((m, mi) => (
                      <tr key={`m${m.row}`}>
                        <td>{mi === 0 ? `Chỉ tiêu ${ind.code}` : ''}</td>
                        <td>{m.name}</td>
                        <td>{m.unitLabel}</td>
                        {preview.targetColumns.map((t) => (
                          <td key={t.column} className="num">
                            {m.targets.find((x) => x.year === t.year && x.isPhaseEnd === t.isPhaseEnd)?.text ?? ''}
                          </td>
                        ))}
                      </tr>
                    )),
                  ),
                ])}
              </tbody>
            </table>
          </div>
          <h3>Thông tin kế hoạch</h3>
          <PlanFieldsEditor value={form} onChange={setForm} plans={props.plans} errors={errors} />
          <ErrorBox message={error} />
          <div className="form-actions">
            <button type="button" onClick={() => setPreview(null)}>
              Chọn tệp khác
            </button>
            <button type="submit" className="primary" disabled={busy !== null || blocking.length > 0 || preview.measureCount === 0}>
              {busy ?? `Nhập ${preview.measureCount} chỉ số`}
            </button>
          </div>
        </form>
      )}
      {!preview ? <ErrorBox message={error} /> : null}
    </Dialog>
  );
}

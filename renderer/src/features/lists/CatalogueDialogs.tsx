import { useState, type FormEvent } from 'react';
import type { CatalogueDto, CatalogueIndicatorDto, CatalogueIndicatorFields } from '../../../../shared/api/types';
import { ANNEXES, INDICATOR_CODE, type Annex } from '../../../../shared/domain/catalogue';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { Dialog, FormFooter } from '../../components/Dialog';
import { ErrorBox, ProblemList } from '../../components/Feedback';
import { FilePicker } from '../../components/FilePicker';
import { useUploadPreview } from '../../components/use-upload-preview';
import { SelectField, TextAreaField, TextField } from '../../components/fields';

type CatalogueFields = { code: string; title: string; document: string; issuedOn: string | null; note: string; isSample: boolean };

function CatalogueFieldsEditor(props: { value: CatalogueFields; onChange: (v: CatalogueFields) => void }) {
  const v = props.value;
  return (
    <>
      <div className="form-row">
        <TextField label="Tên viết tắt" name="code" hint="Hiện cạnh mã chỉ tiêu, ví dụ TT13 · PL IV · 0101" value={v.code} onChange={(e) => props.onChange({ ...v, code: e.target.value })} />
        <TextField label="Văn bản ban hành" name="document" placeholder="Thông tư 13/2021/TT-BLĐTBXH" value={v.document} onChange={(e) => props.onChange({ ...v, document: e.target.value })} />
      </div>
      <TextAreaField label="Tên bộ chỉ tiêu" name="title" rows={2} value={v.title} onChange={(e) => props.onChange({ ...v, title: e.target.value })} />
      <label className="check">
        <input type="checkbox" checked={v.isSample} onChange={(e) => props.onChange({ ...v, isSample: e.target.checked })} /> Đây là bộ <b>mẫu</b> (chưa phải danh mục chính thức): mọi nơi hiện và xuất đều ghi "MẪU"
      </label>
    </>
  );
}

/** Import a catalogue from the annex tables: pick a file, see what was found, confirm. */
export function CatalogueImportDialog(props: { into?: CatalogueDto; onClose: () => void; onImported: (c: CatalogueDto) => void }) {
  const [fields, setFields] = useState<CatalogueFields>(() => ({
    code: props.into?.code ?? '',
    title: props.into?.title ?? '',
    document: props.into?.document ?? '',
    issuedOn: props.into?.issuedOn ?? null,
    note: props.into?.note ?? '',
    isSample: props.into?.isSample ?? false,
  }));
  const [sampleWhy, setSampleWhy] = useState<string | null>(null);
  const { preview, setPreview, busy, error, pick, commit } = useUploadPreview(
    (upload) => api.call('catalogue-import-preview', upload),
    (p, file) => {
      if (props.into) return;
      // Shown and correctable: a title or file name that says "mẫu" is taken as a sample.
      const plain = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      const sample = /(^|[^a-z])mau([^a-z]|$)/.test(plain(p.guessedTitle)) || /(^|[^a-z])mau([^a-z]|$)/.test(plain(file.name));
      setFields((f) => ({ ...f, title: f.title || p.guessedTitle, document: f.document || p.guessedDocument, isSample: f.isSample || sample }));
      setSampleWhy(sample ? 'Đã đánh dấu là bộ mẫu vì tiêu đề hoặc tên tệp có chữ "mẫu"; bỏ chọn nếu đây là danh mục chính thức.' : null);
    },
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void commit('Đang nhập bộ chỉ tiêu…', async (upload) => {
      const c = await api.call('catalogue-import-commit', { ...upload, catalogueId: props.into?.id, catalogue: { ...fields, code: fields.code.trim(), title: fields.title.trim(), document: fields.document.trim() } });
      props.onImported(c);
      props.onClose();
    });
  };

  const errors = preview?.problems.filter((p) => p.severity === 'error') ?? [];
  return (
    <Dialog title={props.into ? `Cập nhật "${props.into.code}" từ Excel` : 'Nhập bộ chỉ tiêu thống kê từ Excel'} onClose={props.onClose} wide>
      {!preview ? (
        <>
          <p>
            Chọn tệp Excel có bảng như phụ lục của thông tư: một dòng tiêu đề với các cột <b>Mã số</b>, <b>Tên chỉ tiêu</b> (và nếu có: Nhóm, Đơn vị tính, Khái niệm/Phương pháp
            tính, Tử số, Mẫu số, Phân tổ chủ yếu, Kỳ công bố, Nguồn số liệu, Cơ quan chủ trì, Cơ quan phối hợp, Ghi chú). Mỗi phụ lục một trang tính tên "Phụ lục III", "Phụ lục
            IV"…, hoặc có cột <b>Phụ lục</b>, vì mã số đánh lại từ đầu ở mỗi phụ lục.
            {props.into ? ' Chỉ tiêu trùng phụ lục và mã số được cập nhật; chỉ số đã gắn vẫn giữ.' : ''}
          </p>
          <p className="muted small">Tệp mẫu đi kèm TongHop: resources/catalogues/tt13-2021-mau.xlsx (chỉ gồm những gì đã xác minh, không phải danh mục chính thức).</p>
          <FilePicker accept=".xlsx,.xls,.xlsm,.ods" label="Chọn tệp Excel…" onFile={pick} busy={busy} />
        </>
      ) : (
        <form onSubmit={submit}>
          <div className="import-summary">
            <b>{preview.fileName}</b>: {preview.indicators.length} chỉ tiêu.
            <ul>
              {preview.sheets.map((s) => (
                <li key={s.name}>
                  Trang <b>{s.name}</b> → Phụ lục {s.annex || '(theo cột Phụ lục)'}, dòng tiêu đề {s.headerRow}; đã nhận các cột: {s.columns.map((c) => `${c.column} "${c.header}"`).join(', ')}.
                </li>
              ))}
            </ul>
          </div>
          <ProblemList problems={preview.problems} errorTitle={(n) => `Có ${n} dòng cần sửa trong tệp trước khi nhập:`} warningTitle={(n) => `${n} lưu ý (bấm để xem)`} foldWarnings />
          <div className="preview-scroll">
            <table className="table table-compact" aria-label="Xem trước bộ chỉ tiêu">
              <thead>
                <tr>
                  <th>Trang › dòng</th>
                  <th>Phụ lục</th>
                  <th>Mã số</th>
                  <th>Nhóm</th>
                  <th>Tên chỉ tiêu</th>
                  <th>Phân tổ chủ yếu</th>
                </tr>
              </thead>
              <tbody>
                {preview.indicators.map((i) => (
                  <tr key={`${i.sheet}:${i.row}`}>
                    <td className="muted small">
                      {i.sheet} › {i.row}
                    </td>
                    <td>{i.annex}</td>
                    <td>{i.code ?? <span className="muted">—</span>}</td>
                    <td className="small">{[i.groupCode, i.groupName].filter(Boolean).join('. ')}</td>
                    <td>{i.name}</td>
                    <td className="small">{i.breakdowns}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>Thông tin bộ chỉ tiêu</h3>
          <CatalogueFieldsEditor value={fields} onChange={setFields} />
          {sampleWhy ? <p className="field-hint">{sampleWhy}</p> : null}
          <p className="field-hint">Tên bộ chỉ tiêu và văn bản ban hành được đọc từ các dòng trên bảng; hãy kiểm tra lại.</p>
          <ErrorBox message={error} />
          <div className="form-actions">
            <button type="button" onClick={() => setPreview(null)}>
              Chọn tệp khác
            </button>
            <button type="submit" className="primary" disabled={busy !== null || errors.length > 0 || preview.indicators.length === 0}>
              {busy ?? `Nhập ${preview.indicators.length} chỉ tiêu`}
            </button>
          </div>
        </form>
      )}
      {!preview ? <ErrorBox message={error} /> : null}
    </Dialog>
  );
}

export function CatalogueForm(props: { catalogue?: CatalogueDto; onClose: () => void; onSaved: (c: CatalogueDto) => void }) {
  const c = props.catalogue;
  const [fields, setFields] = useState<CatalogueFields>({ code: c?.code ?? '', title: c?.title ?? '', document: c?.document ?? '', issuedOn: c?.issuedOn ?? null, note: c?.note ?? '', isSample: c?.isSample ?? false });
  const { busy, error, run } = useAction();
  return (
    <Dialog title={c ? `Sửa thông tin "${c.code}"` : 'Thêm bộ chỉ tiêu thống kê'} onClose={props.onClose} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            props.onSaved(await api.call('catalogue-save', { id: c?.id, ...fields, code: fields.code.trim(), title: fields.title.trim(), document: fields.document.trim() }));
            props.onClose();
          });
        }}
      >
        <CatalogueFieldsEditor value={fields} onChange={setFields} />
        <TextAreaField label="Ghi chú" name="note" rows={3} value={fields.note} onChange={(e) => setFields({ ...fields, note: e.target.value })} />
        <FormFooter error={error} busy={busy} submitLabel="Lưu" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

const TEXT_FIELDS: [keyof CatalogueIndicatorFields, string, number][] = [
  ['concept', 'Khái niệm, phương pháp tính', 3],
  ['numerator', 'Tử số', 1],
  ['denominator', 'Mẫu số', 1],
  ['breakdowns', 'Phân tổ chủ yếu', 1],
  ['source', 'Nguồn số liệu', 1],
  ['leadBody', 'Cơ quan chủ trì', 1],
  ['cooperatingBodies', 'Cơ quan phối hợp', 2],
  ['note', 'Ghi chú', 2],
];

/** One indicator of a catalogue, every field of the circular's content table. */
export function CatalogueIndicatorForm(props: { catalogue: CatalogueDto; indicator?: CatalogueIndicatorDto; onClose: () => void; onSaved: () => void }) {
  const i = props.indicator;
  const [f, setF] = useState<CatalogueIndicatorFields>(
    i ?? { annex: 'IV', code: null, groupCode: '', groupName: '', name: '', unitLabel: '', concept: '', numerator: '', denominator: '', factor: null, breakdowns: '', period: '', source: '', leadBody: '', cooperatingBodies: '', note: '' },
  );
  const [codeText, setCodeText] = useState(i?.code ?? '');
  const { busy, error, setError, run } = useAction();
  const set = (patch: Partial<CatalogueIndicatorFields>) => setF({ ...f, ...patch });
  return (
    <Dialog title={i ? `Sửa chỉ tiêu ${i.code ?? i.name}` : `Thêm chỉ tiêu vào "${props.catalogue.code}"`} onClose={props.onClose} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const code = codeText.trim() || null;
          if (code !== null && !INDICATOR_CODE.test(code)) return setError('Mã số gồm 4 chữ số (nhóm và số thứ tự), ví dụ 0101; để trống nếu chưa biết.');
          void run(async () => {
            await api.call('catalogue-indicator-save', { ...f, id: i?.id, catalogueId: props.catalogue.id, code });
            props.onSaved();
            props.onClose();
          });
        }}
      >
        <div className="form-row">
          <SelectField label="Phụ lục" name="annex" value={f.annex} onChange={(e) => set({ annex: e.target.value as Annex })}>
            {ANNEXES.map((a) => (
              <option key={a} value={a}>
                Phụ lục {a}
              </option>
            ))}
          </SelectField>
          <TextField label="Mã số" name="code" placeholder="0101" inputMode="numeric" hint="Để trống nếu chưa biết" value={codeText} onChange={(e) => setCodeText(e.target.value)} />
          <TextField label="Số nhóm" name="groupCode" placeholder="I" value={f.groupCode} onChange={(e) => set({ groupCode: e.target.value })} />
          <TextField label="Tên nhóm" name="groupName" value={f.groupName} onChange={(e) => set({ groupName: e.target.value })} />
        </div>
        <div className="form-row">
          <TextField label="Tên chỉ tiêu" name="name" value={f.name} onChange={(e) => set({ name: e.target.value })} />
          <TextField label="Đơn vị tính" name="unitLabel" value={f.unitLabel} onChange={(e) => set({ unitLabel: e.target.value })} />
          <TextField label="Kỳ công bố" name="period" placeholder="Năm" value={f.period} onChange={(e) => set({ period: e.target.value })} />
        </div>
        {TEXT_FIELDS.map(([key, label, rows]) => (
          <TextAreaField key={key} label={label} name={key} rows={rows} value={String(f[key] ?? '')} onChange={(e) => set({ [key]: e.target.value } as Partial<CatalogueIndicatorFields>)} />
        ))}
        <FormFooter error={error} busy={busy} submitLabel={i ? 'Lưu chỉ tiêu' : 'Thêm chỉ tiêu'} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

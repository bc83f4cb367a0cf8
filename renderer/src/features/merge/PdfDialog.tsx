import { useEffect, useState, type FormEvent } from 'react';
import type { DocumentSettings } from '../../../../shared/api/types';
import { documentDateLine, documentNumber } from '../../../../shared/domain/documents';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { DateField, parseDateText } from '../../components/DateField';
import { Dialog, FormFooter } from '../../components/Dialog';
import { Loading } from '../../components/Feedback';
import { TextAreaField, TextField } from '../../components/fields';
import { downloadBase64 } from '../../components/download';
import { ImagePicker } from '../signatures/ImagePicker';
import { chosenToken } from '../signatures/KeyPicker';
import { SigningChoice, useSigning } from '../signatures/SigningChoice';


/** The official report: its header, number, date, recipients and signer, then the PDF. */
export function PdfDialog(props: {
  periodId: number;
  onClose: () => void;
  onDone: (fileName: string) => void;
  /** Overrides whose roll-up moved since they were set: "1.1: dùng 30, nay tính được 34". */
  staleOverrides?: string[];
  /** The period's measures, to choose the trends of the chart annex. */
  measures?: { id: number; code: string; name: string }[];
}) {
  const [doc, setDoc] = useState<DocumentSettings>();
  const [date, setDate] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const signing = useSigning();
  const { signerKey } = signing;
  /** The typed signer differs from the certificate's name: asked before signing. */
  const [charts, setCharts] = useState<ChartState>({ on: false, summary: true, furthest: true, chosen: new Set() });
  const [nameCheck, setNameCheck] = useState<{ typed: string; certified: string; then: 'save' | 'open' } | null>(null);
  const action = useAction();
  useEffect(() => {
    api.call('document-settings-get', { periodId: props.periodId }).then((d) => {
      setDoc(d);
      setDate(formatIsoDate(d.date));
    }, (e: Error) => action.setError(e.message));
  }, [props.periodId, action.setError]);

  if (!doc) return <Dialog title="Văn bản báo cáo (PDF)" onClose={props.onClose}>{action.error ? <p className="error-box">{action.error}</p> : <Loading />}</Dialog>;
  const set = (patch: Partial<DocumentSettings>) => setDoc({ ...doc, ...patch });
  const make = (then: 'save' | 'open', signerName?: string) => {
    const d = parseDateText(date, 'ngày ban hành');
    if (!d.ok) return setDateError(d.error);
    setDateError(null);
    const bySigner = signing.bySigner;
    if (signing.notReady) return action.setError(signing.notReady);
    void action.run(async () => {
      let name = signerName ?? doc.signerName;
      if (bySigner && signerName === undefined) {
        // The printed name is the certificate's unless the user says otherwise.
        const token = chosenToken(signerKey);
        const certified = signerKey.source === 'token' && token ? (token.commonName ?? token.label) : (await api.call('certificate-read', { p12Base64: signerKey.cert?.base64 ?? '', password: signerKey.password })).commonName;
        if (!name.trim()) name = certified;
        else if (name.trim().normalize('NFC').toLocaleLowerCase('vi') !== certified.normalize('NFC').toLocaleLowerCase('vi')) {
          setNameCheck({ typed: name.trim(), certified, then });
          return;
        }
        if (name !== doc.signerName) set({ signerName: name });
      }
      const sign = signing.payload();
      const f = await api.call('merge-pdf', { periodId: props.periodId, document: { ...doc, signerName: name, date: d.iso }, sign, charts: chartChoice(charts) });
      signing.forget();
      if (then === 'save') downloadBase64(f.fileName, f.dataBase64, 'application/pdf');
      else await api.call('file-open', { fileName: f.fileName, dataBase64: f.dataBase64 });
      props.onDone(`${then === 'save' ? 'Đã tạo' : 'Đã mở'} ${f.fileName}${f.signedBy ? ` (ký số bởi ${f.signedBy})` : ''}${then === 'open' ? ' để xem và in' : ''}.`);
      props.onClose();
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    make('save');
  };
  const iso = parseDateText(date, 'ngày').ok ? (parseDateText(date, 'ngày') as { iso: string }).iso : doc.date;
  return (
    <Dialog title="Văn bản báo cáo (PDF)" onClose={props.onClose} wide>
      {props.staleOverrides?.length ? (
        <div className="stale-box" role="alert">
          <b>Có {props.staleOverrides.length} số sửa tay có thể đã cũ</b> (số tính được đã thay đổi sau khi sửa): {props.staleOverrides.join('; ')}. Văn bản sẽ dùng các số sửa tay này; muốn xem lại, hãy đóng hộp thoại và bấm vào số tổng hợp của chỉ tiêu để "Giữ" hoặc "Bỏ".
        </div>
      ) : null}
      <form onSubmit={submit}>
        <div className="form-row">
          <TextField label="Cơ quan chủ quản" name="parentBody" value={doc.parentBody} onChange={(e) => set({ parentBody: e.target.value })} />
          <TextField label="Cơ quan ban hành" name="issuingBody" value={doc.issuingBody} onChange={(e) => set({ issuingBody: e.target.value })} />
        </div>
        <div className="form-row">
          <TextField label="Số" name="number" value={doc.number} onChange={(e) => set({ number: e.target.value })} className="input-short" />
          <TextField label="Ký hiệu" name="symbol" value={doc.symbol} onChange={(e) => set({ symbol: e.target.value })} />
          <TextField label="Địa danh" name="place" value={doc.place} onChange={(e) => set({ place: e.target.value })} />
          <DateField label="Ngày ban hành" name="date" value={date} onChange={setDate} error={dateError} />
        </div>
        <p className="doc-preview-line">
          {documentNumber(doc.number, doc.symbol)} · <i>{documentDateLine(doc.place, iso)}</i>
        </p>
        <TextField label="Trích yếu (dưới chữ BÁO CÁO)" name="subject" value={doc.subject} onChange={(e) => set({ subject: e.target.value })} />
        <TextAreaField label="Nơi nhận (mỗi dòng một nơi)" name="recipients" rows={4} value={doc.recipients.join('\n')} onChange={(e) => set({ recipients: e.target.value.split('\n') })} />
        <div className="form-row">
          <TextField label="Thẩm quyền ký" name="authority" value={doc.authority} onChange={(e) => set({ authority: e.target.value })} />
          <TextField label="Chức vụ" name="signerTitle" value={doc.signerTitle} onChange={(e) => set({ signerTitle: e.target.value })} />
          <TextField label="Người ký" name="signerName" value={doc.signerName} onChange={(e) => set({ signerName: e.target.value })} />
        </div>
        <SigningChoice signing={signing} busy={action.busy} />
        <fieldset className="targets">
          <legend>Ảnh chữ ký và con dấu (lưu lại cho các lần sau)</legend>
          <div className="form-row">
            <ImagePicker label="Ảnh chữ ký của người ký" hint="PNG nền trong suốt, màu xanh; đặt giữa chức vụ và họ tên." value={doc.signatureImage} onChange={(v) => set({ signatureImage: v })} testId="signature-image" />
            <ImagePicker label="Ảnh con dấu của cơ quan" hint="PNG nền trong suốt, màu đỏ; in đúng kích thước thật, trùm 1/3 bên trái chữ ký." value={doc.sealImage} onChange={(v) => set({ sealImage: v })} testId="seal-image" />
            <label className="field">
              <span>Đường kính con dấu (mm)</span>
              <input type="number" min={20} max={60} step={1} className="input-short" value={doc.sealSizeMm ?? 35} onChange={(e) => set({ sealSizeMm: Number(e.target.value) || 35 })} />
            </label>
          </div>
        </fieldset>
        <ChartAnnexFields value={charts} onChange={setCharts} measures={props.measures ?? []} />
        {action.busy ? (
          <p role="status" className="busy">
            <span className="spinner" aria-hidden="true" /> Đang tạo văn bản PDF…
          </p>
        ) : null}
        <div className="form-actions form-actions-left">
          <button type="button" disabled={action.busy} onClick={() => make('open')}>
            Xem và in (mở bằng trình xem PDF)
          </button>
        </div>
        <FormFooter error={action.error} busy={action.busy} submitLabel={signing.signAs !== 'none' ? 'Ký số và tải PDF' : 'Tạo và tải PDF'} onCancel={props.onClose} />
      </form>
      {nameCheck ? (
        <Dialog title="Tên người ký khác tên trong chứng thư số" onClose={() => setNameCheck(null)}>
          <p className="confirm-message">
            Tên in dưới chữ ký là <b>{nameCheck.typed}</b>, còn chứng thư số là của <b>{nameCheck.certified}</b>. Văn bản ký số thường in đúng tên trong chứng thư.
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => setNameCheck(null)}>
              Quay lại
            </button>
            <button type="button" onClick={() => (setNameCheck(null), make(nameCheck.then, nameCheck.typed))}>
              Giữ tên {nameCheck.typed}
            </button>
            <button type="button" className="primary" autoFocus onClick={() => (setNameCheck(null), set({ signerName: nameCheck.certified }), make(nameCheck.then, nameCheck.certified))}>
              Dùng tên {nameCheck.certified}
            </button>
          </div>
        </Dialog>
      ) : null}
    </Dialog>
  );
}

interface ChartState {
  on: boolean;
  summary: boolean;
  /** The trends of the five measures furthest from target, or of those chosen. */
  furthest: boolean;
  chosen: Set<number>;
}

function chartChoice(c: ChartState): { summary: boolean; trendMeasureIds?: number[] } | undefined {
  if (!c.on) return undefined;
  return c.furthest ? { summary: c.summary } : { summary: c.summary, trendMeasureIds: [...c.chosen] };
}

/** The chart annex: the dashboard's summary, and trends of the measures furthest behind or of those chosen. */
function ChartAnnexFields({ value: c, onChange, measures }: { value: ChartState; onChange: (c: ChartState) => void; measures: { id: number; code: string; name: string }[] }) {
  return (
    <fieldset className="targets">
      <legend>Phụ lục biểu đồ</legend>
      <label className="check">
        <input type="checkbox" checked={c.on} onChange={(e) => onChange({ ...c, on: e.target.checked })} /> Kèm phụ lục biểu đồ (khổ ngang, sau các phụ lục số liệu)
      </label>
      {c.on ? (
        <div className="chart-annex-choice">
          <label className="check">
            <input type="checkbox" checked={c.summary} onChange={(e) => onChange({ ...c, summary: e.target.checked })} /> Tổng quan của kỳ: kết quả theo mục tiêu, tiến độ đến mục tiêu cuối giai đoạn, báo cáo đã nhận
          </label>
          <div role="radiogroup" aria-label="Xu hướng của các chỉ tiêu">
            <label className="check">
              <input type="radio" name="trend-choice" checked={c.furthest} onChange={() => onChange({ ...c, furthest: true })} /> Xu hướng của 5 chỉ tiêu còn xa chỉ tiêu nhất
            </label>
            <label className="check">
              <input type="radio" name="trend-choice" checked={!c.furthest} onChange={() => onChange({ ...c, furthest: false })} /> Xu hướng của các chỉ tiêu chọn dưới đây ({c.chosen.size} đã chọn)
            </label>
          </div>
          {!c.furthest ? (
            <div className="chart-measure-list" role="group" aria-label="Chọn chỉ tiêu vẽ xu hướng">
              {measures.map((m) => (
                <label key={m.id} className="check">
                  <input
                    type="checkbox"
                    checked={c.chosen.has(m.id)}
                    onChange={(e) => {
                      const next = new Set(c.chosen);
                      if (e.target.checked) next.add(m.id);
                      else next.delete(m.id);
                      onChange({ ...c, chosen: next });
                    }}
                  />{' '}
                  {m.code}. {m.name}
                </label>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}

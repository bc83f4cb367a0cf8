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
import { readFileBase64 } from '../../components/FilePicker';

/** The official report: its header, number, date, recipients and signer, then the PDF. */
export function PdfDialog(props: { periodId: number; onClose: () => void; onDone: (fileName: string) => void; /** Overrides whose roll-up moved since they were set: "1.1: dùng 30, nay tính được 34". */ staleOverrides?: string[] }) {
  const [doc, setDoc] = useState<DocumentSettings>();
  const [date, setDate] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [cert, setCert] = useState<{ fileName: string; p12Base64: string } | null>(null);
  const [password, setPassword] = useState('');
  /** The typed signer differs from the certificate's name: asked before signing. */
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
    void action.run(async () => {
      let name = signerName ?? doc.signerName;
      if (cert && signerName === undefined) {
        // The printed name is the certificate's unless the user says otherwise.
        const certified = (await api.call('certificate-read', { p12Base64: cert.p12Base64, password })).commonName;
        if (!name.trim()) name = certified;
        else if (name.trim().normalize('NFC').toLocaleLowerCase('vi') !== certified.normalize('NFC').toLocaleLowerCase('vi')) {
          setNameCheck({ typed: name.trim(), certified, then });
          return;
        }
        if (name !== doc.signerName) set({ signerName: name });
      }
      const f = await api.call('merge-pdf', { periodId: props.periodId, document: { ...doc, signerName: name, date: d.iso }, sign: cert ? { p12Base64: cert.p12Base64, password } : undefined });
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
        <fieldset className="targets">
          <legend>Ký số (không bắt buộc)</legend>
          <p className="field-hint">Chọn tệp chứng thư số (.p12 hoặc .pfx) và nhập mật khẩu; văn bản sẽ có chữ ký số và dấu "Đã ký số" ở phần chữ ký.</p>
          <div className="form-row">
            <label className="button-like">
              {cert ? `Tệp: ${cert.fileName}` : 'Chọn tệp chứng thư số…'}
              <input
                type="file"
                accept=".p12,.pfx"
                hidden
                data-testid="p12-file"
                onChange={async (e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) setCert({ fileName: f.name, p12Base64: await readFileBase64(f) });
                }}
              />
            </label>
            {cert ? (
              <>
                <label className="field">
                  <span>Mật khẩu</span>
                  <input type="password" aria-label="Mật khẩu chứng thư số" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
                </label>
                <button type="button" className="link" onClick={() => (setCert(null), setPassword(''))}>
                  Không ký
                </button>
              </>
            ) : null}
          </div>
        </fieldset>
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
        <FormFooter error={action.error} busy={action.busy} submitLabel={cert ? 'Ký số và tải PDF' : 'Tạo và tải PDF'} onCancel={props.onClose} />
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

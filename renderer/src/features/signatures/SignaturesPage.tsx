import { useState } from 'react';
import type { SignatureCheck, SignatureRole } from '../../../../shared/api/types';
import { vietnamDateTime } from '../../../../shared/domain/vietnam-time';
import { api } from '../../api';
import { sendFile } from '../../api/send-file';
import { useAction } from '../../app/use-action';
import { EmptyState, ErrorBox, useToast } from '../../components/Feedback';
import { FilePicker } from '../../components/FilePicker';
import { ImagePicker } from './ImagePicker';
import { emptyKey, forgetSecrets, KeyPicker, keyReady, signingKey, type KeyState } from './KeyPicker';
import { downloadBase64 } from '../../components/download';

export const ROLE_LABEL: Record<SignatureRole, string> = { signer: 'Người ký', organisation: 'Cơ quan' };

export function verdict(c: SignatureCheck): { text: string; ok: boolean } {
  if (c.problems.length) return { text: c.problems.join(' '), ok: false };
  return { text: c.coversWholeFile ? 'Hợp lệ — bao trùm toàn bộ tệp.' : 'Hợp lệ — phần thêm sau đó là các chữ ký tiếp theo.', ok: true };
}

/** Kiểm tra chữ ký số: every signature of a PDF (a district's signed report, our own), and adding the next one. */
export function SignaturesPage() {
  const [file, setFile] = useState<File | null>(null);
  const [checks, setChecks] = useState<SignatureCheck[] | null>(null);
  const [key, setKey] = useState<KeyState>(emptyKey);
  const [role, setRole] = useState<SignatureRole>('organisation');
  const [image, setImage] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const [working, setWorking] = useState<string | null>(null);
  const toast = useToast();

  const check = (f: File) =>
    run(async () => {
      setWorking(`Đang kiểm tra ${f.name}…`);
      try {
        setFile(f);
        setChecks(await api.call('pdf-verify', await sendFile(f)));
      } finally {
        setWorking(null);
      }
    });

  const canSign = keyReady(key);

  const sign = () =>
    run(async () => {
      if (!file || !canSign) return;
      setWorking(key.source === 'token' ? `Đang ký ${file.name} trên thiết bị ký số…` : `Đang ký ${file.name}…`);
      try {
        const signed = await api.call('pdf-sign', { ...(await sendFile(file)), ...signingKey(key), role, imageBase64: image ?? undefined });
        setKey(forgetSecrets(key));
        downloadBase64(signed.fileName, signed.dataBase64, 'application/pdf');
        const next = new File([Uint8Array.from(atob(signed.dataBase64), (c) => c.charCodeAt(0))], signed.fileName, { type: 'application/pdf' });
        setFile(next);
        setChecks(await api.call('pdf-verify', await sendFile(next)));
        toast(`Đã ký (${ROLE_LABEL[role].toLowerCase()}) bởi ${signed.signedBy}; đã tải về ${signed.fileName}.`);
      } finally {
        setWorking(null);
      }
    });

  return (
    <section className="page">
      <header className="page-head">
        <div>
          <h1>Kiểm tra chữ ký số</h1>
          <p className="page-lead">Chọn một tệp PDF (báo cáo đã ký của đơn vị, hoặc của mình) để xem từng chữ ký: ai ký, lúc nào, với vai trò gì, và tệp có bị sửa sau khi ký không.</p>
        </div>
      </header>
      <FilePicker accept=".pdf,application/pdf" label="Chọn tệp PDF…" onFile={(f) => void check(f)} busy={working} />
      <ErrorBox message={error} />
      {file && checks ? (
        <>
          <h2 className="signatures-file">{file.name}</h2>
          {checks.length === 0 ? (
            <EmptyState title="Tệp này chưa có chữ ký số nào">Có thể ký ở phần dưới: chọn vai trò, chứng thư số và mật khẩu.</EmptyState>
          ) : (
            <table className="table signatures-table" data-testid="signature-table">
              <thead>
                <tr>
                  <th>STT</th>
                  <th>Chữ ký</th>
                  <th>Người ký / cơ quan (theo chứng thư số)</th>
                  <th>Thời gian ký</th>
                  <th>Kết quả</th>
                </tr>
              </thead>
              <tbody>
                {checks.map((c, i) => {
                  const v = verdict(c);
                  return (
                    <tr key={i}>
                      <td>{i + 1}</td>
                      <td>
                        {c.field}
                        {c.role && c.field !== ROLE_LABEL[c.role] ? <div className="muted">{ROLE_LABEL[c.role]}</div> : null}
                      </td>
                      <td>
                        {c.commonName ?? 'Không rõ'}
                        {c.organisation ? <div className="muted">{c.organisation}</div> : null}
                      </td>
                      <td>
                        {c.signedAt ? vietnamDateTime(c.signedAt, { seconds: true }) : 'Không rõ'}
                        {c.timestampedAt ? <div className="muted" title="Dấu thời gian (RFC 3161) của máy chủ cấp dấu thời gian">Dấu thời gian: {vietnamDateTime(c.timestampedAt, { seconds: true })}</div> : null}
                      </td>
                      <td className={v.ok ? 'signature-ok' : 'signature-bad'}>{v.text}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <h2>Ký thêm vào tệp này</h2>
          <p className="muted">Chữ ký mới được thêm vào cuối tệp; các chữ ký có trước vẫn hợp lệ. Văn bản điện tử có hai chữ ký: người ký trước, cơ quan ban hành sau.</p>
          <div className="toolbar sign-row">
            <label>
              Vai trò{' '}
              <select value={role} onChange={(e) => setRole(e.target.value as SignatureRole)} data-testid="sign-role">
                <option value="signer">Người ký</option>
                <option value="organisation">Cơ quan</option>
              </select>
            </label>
          </div>
          <KeyPicker value={key} onChange={setKey} />
          <ImagePicker
            label={role === 'signer' ? 'Ảnh chữ ký (không bắt buộc)' : 'Ảnh con dấu (không bắt buộc)'}
            hint={role === 'signer' ? 'Hiện giữa chức vụ và họ tên người ký, nếu tệp là báo cáo do TongHop tạo.' : 'In đúng kích thước thật (35 mm), trùm 1/3 bên trái chữ ký của người ký.'}
            value={image}
            onChange={setImage}
            testId="sign-image"
          />
          <div className="form-actions form-actions-left">
            <button type="button" className="primary" disabled={!canSign || busy} onClick={() => void sign()}>
              Ký và tải về
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

import { useRef, useState } from 'react';
import type { SignatureCheck, SignatureRole, TokenCertificateDto } from '../../../../shared/api/types';
import { vietnamDateTime } from '../../../../shared/domain/vietnam-time';
import { KNOWN_TOKEN_LIBRARIES } from '../../../../shared/domain/token-libraries';
import { api } from '../../api';
import { sendFile } from '../../api/send-file';
import { useAction } from '../../app/use-action';
import { EmptyState, ErrorBox, useToast } from '../../components/Feedback';
import { FilePicker, readFileBase64 } from '../../components/FilePicker';
import { downloadBase64 } from '../../components/download';

const ROLE_LABEL: Record<SignatureRole, string> = { signer: 'Người ký', organisation: 'Cơ quan' };

function verdict(c: SignatureCheck): { text: string; ok: boolean } {
  if (c.problems.length) return { text: c.problems.join(' '), ok: false };
  return { text: c.coversWholeFile ? 'Hợp lệ — bao trùm toàn bộ tệp.' : 'Hợp lệ — phần thêm sau đó là các chữ ký tiếp theo.', ok: true };
}

/** Kiểm tra chữ ký số: every signature of a PDF (a district's signed report, our own), and adding the next one. */
export function SignaturesPage() {
  const [file, setFile] = useState<File | null>(null);
  const [checks, setChecks] = useState<SignatureCheck[] | null>(null);
  const [cert, setCert] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<SignatureRole>('organisation');
  const [source, setSource] = useState<'file' | 'token'>('file');
  const [library, setLibrary] = useState('');
  const [tokens, setTokens] = useState<{ certificates: TokenCertificateDto[] } | null>(null);
  const [tokenCert, setTokenCert] = useState<string>('');
  const [pin, setPin] = useState('');
  const { busy, error, run } = useAction();
  const [working, setWorking] = useState<string | null>(null);
  const toast = useToast();
  const certInput = useRef<HTMLInputElement>(null);

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

  const readToken = () =>
    run(async () => {
      setWorking('Đang đọc thiết bị ký số…');
      try {
        const found = await api.call('token-list', { library });
        setTokens(found);
        setTokenCert(found.certificates[0] ? `${found.certificates[0].tokenLabel}|${found.certificates[0].id}` : '');
      } finally {
        setWorking(null);
      }
    });

  const chosen = tokens?.certificates.find((c) => `${c.tokenLabel}|${c.id}` === tokenCert);
  const canSign = source === 'file' ? !!cert : !!chosen && pin.length > 0;

  const sign = () =>
    run(async () => {
      if (!file || !canSign) return;
      setWorking(source === 'token' ? `Đang ký ${file.name} trên thiết bị ký số…` : `Đang ký ${file.name}…`);
      try {
        const how = source === 'token' ? { token: { library, tokenLabel: chosen!.tokenLabel, certificateId: chosen!.id, pin } } : { p12Base64: await readFileBase64(cert!), password };
        const signed = await api.call('pdf-sign', { ...(await sendFile(file)), ...how, role });
        setPassword('');
        setPin('');
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
                      <td>{c.signedAt ? vietnamDateTime(c.signedAt, { seconds: true }) : 'Không rõ'}</td>
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
            <label>
              Ký bằng
              <select value={source} onChange={(e) => setSource(e.target.value as 'file' | 'token')} data-testid="sign-source">
                <option value="file">Tệp chứng thư số (.p12, .pfx)</option>
                <option value="token">Thiết bị ký số (USB token)</option>
              </select>
            </label>
            {source === 'file' ? (
              <>
                <label>
                  Chứng thư số (.p12, .pfx)
                  <span>
                    <button type="button" onClick={() => certInput.current?.click()}>
                      Chọn tệp chứng thư…
                    </button>{' '}
                    <span className="muted">{cert ? cert.name : 'chưa chọn'}</span>
                  </span>
                  <input ref={certInput} type="file" accept=".p12,.pfx" hidden data-testid="sign-cert" onChange={(e) => setCert(e.target.files?.[0] ?? null)} />
                </label>
                <label>
                  Mật khẩu <input type="password" value={password} autoComplete="off" data-testid="sign-password" onChange={(e) => setPassword(e.target.value)} />
                </label>
              </>
            ) : (
              <>
                <label>
                  Thư viện của thiết bị (tệp .dll của nhà cung cấp)
                  <span>
                    <input list="token-libraries" value={library} size={34} data-testid="token-library" placeholder="ví dụ C:\Windows\System32\vnpt-ca_v34.dll" onChange={(e) => setLibrary(e.target.value)} />{' '}
                    <button type="button" disabled={!library || busy} onClick={() => void readToken()}>
                      Đọc thiết bị
                    </button>
                  </span>
                  <datalist id="token-libraries">
                    {KNOWN_TOKEN_LIBRARIES.map((l) => (
                      <option key={l.file} value={l.file}>
                        {l.ca}
                      </option>
                    ))}
                  </datalist>
                </label>
                {tokens ? (
                  tokens.certificates.length ? (
                    <label>
                      Chứng thư trên thiết bị
                      <select value={tokenCert} onChange={(e) => setTokenCert(e.target.value)} data-testid="token-certificate">
                        {tokens.certificates.map((c) => (
                          <option key={`${c.tokenLabel}|${c.id}`} value={`${c.tokenLabel}|${c.id}`}>
                            {c.commonName ?? c.label} — {c.tokenLabel}
                          </option>
                        ))}
                      </select>
                    </label>
                  ) : (
                    <span className="muted">Thiết bị không có chứng thư số nào.</span>
                  )
                ) : null}
                <label>
                  Mã PIN (không được lưu) <input type="password" value={pin} autoComplete="off" data-testid="token-pin" onChange={(e) => setPin(e.target.value)} />
                </label>
              </>
            )}
            <button type="button" className="primary" disabled={!canSign || busy} onClick={() => void sign()}>
              Ký và tải về
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

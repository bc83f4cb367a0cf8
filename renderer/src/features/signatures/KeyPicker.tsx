import { useRef, useState } from 'react';
import type { ApiArgs } from '../../../../shared/api/contract';
import type { TokenCertificateDto } from '../../../../shared/api/types';
import { KNOWN_TOKEN_LIBRARIES } from '../../../../shared/domain/token-libraries';
import { api } from '../../api';
import { readFileBase64 } from '../../components/FilePicker';

/** The key that signs, as the API takes it: a .p12/.pfx and its password, or a USB token and its PIN. */
export type SigningKey = Omit<ApiArgs<'pdf-sign'>, 'fileName' | 'dataBase64' | 'uploadId' | 'role' | 'reason' | 'location' | 'imageBase64' | 'sealSizeMm'>;

export interface KeyState {
  source: 'file' | 'token';
  cert: { name: string; base64: string } | null;
  password: string;
  library: string;
  tokens: TokenCertificateDto[] | null;
  /** "tokenLabel|id" of the chosen certificate. */
  tokenCert: string;
  pin: string;
}

export const emptyKey = (): KeyState => ({ source: 'file', cert: null, password: '', library: '', tokens: null, tokenCert: '', pin: '' });

export const chosenToken = (k: KeyState) => k.tokens?.find((c) => `${c.tokenLabel}|${c.id}` === k.tokenCert) ?? null;

export const keyReady = (k: KeyState) => (k.source === 'file' ? !!k.cert : !!chosenToken(k) && k.pin.length > 0);

export function signingKey(k: KeyState): SigningKey {
  const t = chosenToken(k);
  return k.source === 'token' && t ? { token: { library: k.library, tokenLabel: t.tokenLabel, certificateId: t.id, pin: k.pin } } : { p12Base64: k.cert?.base64 ?? '', password: k.password };
}

/** The PIN and password are never kept after signing. */
export const forgetSecrets = (k: KeyState): KeyState => ({ ...k, password: '', pin: '' });

/**
 * Choosing the key: a certificate file with its password, or a USB token — its driver's library
 * (known Vietnamese CA drivers suggested), the certificates read from it, the PIN.
 * `id` tells two pickers on one screen apart ("" keeps the plain test ids).
 */
export function KeyPicker(props: { value: KeyState; onChange: (k: KeyState) => void; id?: string; whose?: string; disabled?: boolean }) {
  const k = props.value;
  const set = (patch: Partial<KeyState>) => props.onChange({ ...k, ...patch });
  const id = (name: string) => `${props.id ? `${props.id}-` : ''}${name}`;
  const whose = props.whose ? ` ${props.whose}` : '';
  const certInput = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const readToken = async () => {
    setReading(true);
    setError(null);
    try {
      const found = await api.call('token-list', { library: k.library });
      set({ tokens: found.certificates, tokenCert: found.certificates[0] ? `${found.certificates[0].tokenLabel}|${found.certificates[0].id}` : '' });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setReading(false);
    }
  };
  return (
    <div className="toolbar sign-row">
      <label>
        Ký bằng
        <select value={k.source} disabled={props.disabled} onChange={(e) => set({ source: e.target.value as KeyState['source'] })} data-testid={id('sign-source')} aria-label={`Ký bằng${whose}`}>
          <option value="file">Tệp chứng thư số (.p12, .pfx)</option>
          <option value="token">Thiết bị ký số (USB token)</option>
        </select>
      </label>
      {k.source === 'file' ? (
        <>
          <label>
            Chứng thư số (.p12, .pfx)
            <span>
              <button type="button" disabled={props.disabled} onClick={() => certInput.current?.click()}>
                Chọn tệp chứng thư…
              </button>{' '}
              <span className="muted">{k.cert ? k.cert.name : 'chưa chọn'}</span>
            </span>
            <input
              ref={certInput}
              type="file"
              accept=".p12,.pfx"
              hidden
              data-testid={id('sign-cert')}
              onChange={async (e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) set({ cert: { name: f.name, base64: await readFileBase64(f) } });
              }}
            />
          </label>
          <label>
            Mật khẩu <input type="password" value={k.password} autoComplete="off" data-testid={id('sign-password')} aria-label={`Mật khẩu chứng thư số${whose}`} onChange={(e) => set({ password: e.target.value })} />
          </label>
        </>
      ) : (
        <>
          <label>
            Thư viện của thiết bị (tệp .dll của nhà cung cấp)
            <span>
              <input list="token-libraries" value={k.library} size={34} data-testid={id('token-library')} placeholder="ví dụ C:\Windows\System32\vnpt-ca_v34.dll" onChange={(e) => set({ library: e.target.value, tokens: null, tokenCert: '' })} />{' '}
              <button type="button" disabled={!k.library || reading || props.disabled} onClick={() => void readToken()}>
                {reading ? 'Đang đọc…' : 'Đọc thiết bị'}
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
          {k.tokens ? (
            k.tokens.length ? (
              <label>
                Chứng thư trên thiết bị
                <select value={k.tokenCert} onChange={(e) => set({ tokenCert: e.target.value })} data-testid={id('token-certificate')}>
                  {k.tokens.map((c) => (
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
            Mã PIN (không được lưu) <input type="password" value={k.pin} autoComplete="off" data-testid={id('token-pin')} aria-label={`Mã PIN${whose}`} onChange={(e) => set({ pin: e.target.value })} />
          </label>
        </>
      )}
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

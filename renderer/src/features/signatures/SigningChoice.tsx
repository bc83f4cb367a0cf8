import { useState } from 'react';
import { emptyKey, forgetSecrets, KeyPicker, keyReady, signingKey, type KeyState } from './KeyPicker';

export type SignAs = 'none' | 'signer' | 'organisation' | 'both';

/** Who signs a document (NĐ 30: the signer, then the organisation over it) and with which keys. */
export function useSigning() {
  const [signAs, setSignAs] = useState<SignAs>('none');
  const [signerKey, setSignerKey] = useState<KeyState>(emptyKey);
  const [orgKey, setOrgKey] = useState<KeyState>(emptyKey);
  const bySigner = signAs === 'signer' || signAs === 'both';
  const byOrganisation = signAs === 'organisation' || signAs === 'both';
  return {
    signAs,
    setSignAs,
    signerKey,
    setSignerKey,
    orgKey,
    setOrgKey,
    bySigner,
    /** What is missing before signing, in words; null when ready (or not signing). */
    notReady: bySigner && !keyReady(signerKey) ? 'Chưa chọn chứng thư số của người ký: tệp .p12/.pfx, hoặc thiết bị ký số và mã PIN.' : byOrganisation && !keyReady(orgKey) ? 'Chưa chọn chứng thư số của cơ quan: tệp .p12/.pfx, hoặc thiết bị ký số và mã PIN.' : null,
    /** The `sign` argument of merge-pdf and reminder-letter. */
    payload: () => (bySigner || byOrganisation ? { signer: bySigner ? signingKey(signerKey) : undefined, organisation: byOrganisation ? signingKey(orgKey) : undefined } : undefined),
    /** Passwords and PINs are not kept once used. */
    forget: () => {
      setSignerKey(forgetSecrets(signerKey));
      setOrgKey(forgetSecrets(orgKey));
    },
  };
}

export function SigningChoice({ signing: s, busy }: { signing: ReturnType<typeof useSigning>; busy: boolean }) {
  return (
    <fieldset className="targets">
      <legend>Chữ ký số (không bắt buộc)</legend>
      <label className="field">
        <span>Ký số văn bản</span>
        <select value={s.signAs} onChange={(e) => s.setSignAs(e.target.value as SignAs)} data-testid="sign-as">
          <option value="none">Không ký (tải bản chưa ký)</option>
          <option value="signer">Người ký</option>
          <option value="organisation">Cơ quan ban hành</option>
          <option value="both">Người ký, rồi cơ quan ban hành</option>
        </select>
      </label>
      <p className="field-hint">Văn bản điện tử có hai chữ ký số: của người có thẩm quyền (kèm ảnh chữ ký), rồi của cơ quan ban hành (kèm ảnh con dấu trùm lên chữ ký). Có thể ký từng chữ ký sau ở trang "Chữ ký số".</p>
      {s.bySigner ? (
        <div className="sign-block">
          <h3>Người ký</h3>
          <KeyPicker value={s.signerKey} onChange={s.setSignerKey} id="signer" whose="của người ký" disabled={busy} />
        </div>
      ) : null}
      {s.signAs === 'organisation' || s.signAs === 'both' ? (
        <div className="sign-block">
          <h3>Cơ quan ban hành</h3>
          <KeyPicker value={s.orgKey} onChange={s.setOrgKey} id="org" whose="của cơ quan" disabled={busy} />
        </div>
      ) : null}
    </fieldset>
  );
}

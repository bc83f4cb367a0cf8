import { useState, type FormEvent, type ReactNode } from 'react';
import { useAction } from '../app/use-action';
import { Dialog, FormFooter } from './Dialog';

/** Unlocking something locked (an approved report, a submitted period) asks why; the reason goes into the audit trail. */
export function UnlockDialog(props: { title: string; message: ReactNode; onUnlock: (reason: string) => Promise<void>; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 5) {
      setError('Hãy ghi lý do mở khoá (ít nhất 5 ký tự); lý do được lưu vào lịch sử thay đổi.');
      return;
    }
    void run(async () => {
      await props.onUnlock(reason.trim());
      props.onClose();
    });
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form onSubmit={submit}>
        <div className="confirm-message">{props.message}</div>
        <label className="field">
          <span>Lý do mở khoá</span>
          <textarea rows={3} autoFocus value={reason} onChange={(e) => setReason(e.target.value)} placeholder="ví dụ: Huyện gửi lại số liệu trẻ em được khai sinh" />
        </label>
        <FormFooter error={error} busy={busy} submitLabel="Mở khoá" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

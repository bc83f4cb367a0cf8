import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/Feedback';
import { TextAreaField, TextField } from '../../components/fields';

/** Goals and indicators both have a code and a title. */
export function CodeTitleForm(props: {
  title: string;
  codeLabel: string;
  titleLabel: string;
  initial: { code: string; title: string };
  onClose: () => void;
  onSave: (v: { code: string; title: string }) => Promise<void>;
}) {
  const [code, setCode] = useState(props.initial.code);
  const [title, setTitle] = useState(props.initial.title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim() || !title.trim()) return setError(`Cần nhập ${!code.trim() ? props.codeLabel.toLowerCase() : props.titleLabel.toLowerCase()}.`);
    setBusy(true);
    try {
      await props.onSave({ code: code.trim(), title: title.trim() });
      props.onClose();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form onSubmit={submit}>
        <TextField label={props.codeLabel} name="code" value={code} onChange={(e) => setCode(e.target.value)} className="input-short" />
        <TextAreaField
          label={props.titleLabel}
          name="title"
          rows={3}
          autoFocus
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <ErrorBox message={error} />
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            Hủy
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Lưu
          </button>
        </div>
      </form>
    </Dialog>
  );
}

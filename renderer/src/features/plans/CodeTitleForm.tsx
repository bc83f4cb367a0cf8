import { useState, type FormEvent } from 'react';
import { useAction } from '../../app/use-action';
import { Dialog, FormFooter } from '../../components/Dialog';
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
  const { busy, error, setError, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim() || !title.trim()) return setError(`Cần nhập ${!code.trim() ? props.codeLabel.toLowerCase() : props.titleLabel.toLowerCase()}.`);
    void run(async () => {
      await props.onSave({ code: code.trim(), title: title.trim() });
      props.onClose();
    });
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
        <FormFooter error={error} busy={busy} submitLabel={'Lưu'} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

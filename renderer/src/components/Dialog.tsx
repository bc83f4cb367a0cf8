import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorBox } from './Feedback';

/** A modal dialog on the native <dialog>: focus stays inside, Esc closes. */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={props.wide ? 'dialog dialog-wide' : 'dialog'}
      aria-label={props.title}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <header className="dialog-head">
        <h2>{props.title}</h2>
        <button type="button" className="icon-button" aria-label="Đóng" title="Đóng (Esc)" onClick={props.onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{props.children}</div>
    </dialog>
  );
}

/** Asks before an action that cannot be undone. */
export function ConfirmDialog(props: { title: string; message: ReactNode; confirmLabel: string; cancelLabel?: string; danger?: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <div className="confirm-message">{props.message}</div>
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          {props.cancelLabel ?? 'Hủy'}
        </button>
        <button type="button" autoFocus className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

/** The error of a dialog's form, then "Hủy" and its submit button. */
export function FormFooter(props: { error: string | null; busy: boolean; submitLabel: string; onCancel: () => void; danger?: boolean; disabled?: boolean }) {
  return (
    <>
      <ErrorBox message={props.error} />
      <div className="form-actions">
        <button type="button" onClick={props.onCancel}>
          Hủy
        </button>
        <button type="submit" className={props.danger ? 'danger' : 'primary'} disabled={props.busy || props.disabled}>
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}

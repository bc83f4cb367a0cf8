import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

export function ErrorBox({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="error-box" role="alert">
      {message}
    </div>
  );
}

/** The problems a preview found: errors to fix before going on, then warnings (folded away when `foldWarnings`). */
export function ProblemList(props: { problems: { severity: 'error' | 'warning' | 'info'; message: string }[]; errorTitle: (n: number) => string; warningTitle: (n: number) => string; foldWarnings?: boolean }) {
  const errors = props.problems.filter((p) => p.severity === 'error');
  const warnings = props.problems.filter((p) => p.severity !== 'error');
  const list = (items: typeof errors) => (
    <ul>
      {items.map((p, i) => (
        <li key={i}>{p.message}</li>
      ))}
    </ul>
  );
  return (
    <>
      {errors.length ? (
        <div className="error-box" role="alert">
          <b>{props.errorTitle(errors.length)}</b>
          {list(errors)}
        </div>
      ) : null}
      {warnings.length ? (
        props.foldWarnings ? (
          <details className="warning-box">
            <summary>{props.warningTitle(warnings.length)}</summary>
            {list(warnings)}
          </details>
        ) : (
          <div className="warning-box">
            <b>{props.warningTitle(warnings.length)}</b>
            {list(warnings)}
          </div>
        )
      ) : null}
    </>
  );
}

export function EmptyState(props: { title: string; children: ReactNode }) {
  return (
    <div className="empty-state">
      <h3>{props.title}</h3>
      <div>{props.children}</div>
    </div>
  );
}

export function Loading({ text = 'Đang tải…' }: { text?: string }) {
  return (
    <div className="loading" role="status">
      {text}
    </div>
  );
}

type Toast = { id: number; text: string };
const ToastContext = createContext<(text: string) => void>(() => undefined);

/** Short confirmations of what just happened, bottom right, gone after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((text: string) => {
    const id = Date.now() + Math.random();
    // One at a time, the newest: a run of confirmations must not pile up over the page.
    setToasts([{ id, text }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 4000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className="toast">
            {t.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);

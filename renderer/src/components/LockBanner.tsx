import type { ReactNode } from 'react';

/** Says that what the page shows is locked, and offers to unlock it. */
export function LockBanner(props: { children: ReactNode; unlockLabel: string; onUnlock: () => void }) {
  return (
    <div className="lock-banner" role="note">
      <span>
        <strong className="lock-tag">Đã khoá</strong> {props.children}
      </span>
      <button type="button" onClick={props.onUnlock}>
        {props.unlockLabel}
      </button>
    </div>
  );
}

import { useEffect, useState } from 'react';

/** Hash routes: #/plans, #/plans/12, #/units, #/settings. Works the same from file, app:// and http. */
export type Route =
  | { page: 'home' }
  | { page: 'dashboard' }
  | { page: 'entry'; periodId: number; unitId: number }
  | { page: 'plans' }
  | { page: 'plan'; id: number }
  | { page: 'units' }
  | { page: 'lists' }
  | { page: 'merge' }
  | { page: 'backups' }
  | { page: 'signatures' }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'plans' && parts[1] && /^\d+$/.test(parts[1])) return { page: 'plan', id: Number(parts[1]) };
  if (parts[0] === 'entry' && /^\d+$/.test(parts[1] ?? '') && /^\d+$/.test(parts[2] ?? '')) return { page: 'entry', periodId: Number(parts[1]), unitId: Number(parts[2]) };
  if (parts[0] === 'plans') return { page: 'plans' };
  if (parts[0] === 'units') return { page: 'units' };
  if (parts[0] === 'lists') return { page: 'lists' };
  if (parts[0] === 'merge') return { page: 'merge' };
  if (parts[0] === 'dashboard') return { page: 'dashboard' };
  if (parts[0] === 'settings') return { page: 'settings' };
  if (parts[0] === 'backups') return { page: 'backups' };
  if (parts[0] === 'signatures') return { page: 'signatures' };
  return { page: 'home' };
}

export function href(route: Route): string {
  if (route.page === 'plan') return `#/plans/${route.id}`;
  if (route.page === 'entry') return `#/entry/${route.periodId}/${route.unitId}`;
  return route.page === 'home' ? '#/' : `#/${route.page}`;
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

/**
 * A page with work that would be lost on leaving (an invalid cell not saved) says so here; the
 * router then asks before it moves on. Only one page shows at a time, so one guard is enough.
 */
let leaveGuard: (() => string | null) | null = null;
export function setLeaveGuard(guard: (() => string | null) | null): void {
  leaveGuard = guard;
}

/** A move away held back by the guard: where to, and why the user is asked. */
export interface PendingLeave {
  to: string;
  reason: string;
}

export function useRoute(): { route: Route; pending: PendingLeave | null; leave: () => void; stay: () => void } {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  const [pending, setPending] = useState<PendingLeave | null>(null);
  useEffect(() => {
    const on = (e: HashChangeEvent) => {
      const reason = leaveGuard?.() ?? null;
      if (reason) {
        // Back to where the user was, until they choose.
        window.history.replaceState(null, '', new URL(e.oldURL).hash || '#/');
        setPending({ to: new URL(e.newURL).hash || '#/', reason });
        return;
      }
      setRoute(parseRoute(window.location.hash));
    };
    const unload = (e: BeforeUnloadEvent) => {
      if (leaveGuard?.()) e.preventDefault();
    };
    window.addEventListener('hashchange', on);
    window.addEventListener('beforeunload', unload);
    return () => {
      window.removeEventListener('hashchange', on);
      window.removeEventListener('beforeunload', unload);
    };
  }, []);
  return {
    route,
    pending,
    leave: () => {
      if (!pending) return;
      leaveGuard = null;
      setPending(null);
      window.location.hash = pending.to;
    },
    stay: () => setPending(null),
  };
}

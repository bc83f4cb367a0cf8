import { useEffect, useState } from 'react';

/** Hash routes: #/plans, #/plans/12, #/units, #/settings. Works the same from file, app:// and http. */
export type Route =
  | { page: 'home' }
  | { page: 'entry'; periodId: number; unitId: number }
  | { page: 'plans' }
  | { page: 'plan'; id: number }
  | { page: 'units' }
  | { page: 'lists' }
  | { page: 'merge' }
  | { page: 'backups' }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'plans' && parts[1] && /^\d+$/.test(parts[1])) return { page: 'plan', id: Number(parts[1]) };
  if (parts[0] === 'entry' && /^\d+$/.test(parts[1] ?? '') && /^\d+$/.test(parts[2] ?? '')) return { page: 'entry', periodId: Number(parts[1]), unitId: Number(parts[2]) };
  if (parts[0] === 'plans') return { page: 'plans' };
  if (parts[0] === 'units') return { page: 'units' };
  if (parts[0] === 'lists') return { page: 'lists' };
  if (parts[0] === 'merge') return { page: 'merge' };
  if (parts[0] === 'settings') return { page: 'settings' };
  if (parts[0] === 'backups') return { page: 'backups' };
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

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/**
 * The app origin of the Electron window and pure checks on its URLs, so tests can assert them
 * without starting Electron.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tonghop';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Only the app's own pages may load in the window; everything else is blocked. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Maps an app:// URL to a file under the renderer folder, or null when it tries to leave it. */
export function resolveAppPath(url: string, rendererDir: string, join: (...p: string[]) => string, normalize: (p: string) => string): string | null {
  if (!isAppUrl(url)) return null;
  const pathname = decodeURIComponent(new URL(url).pathname);
  const relative = normalize(pathname).replace(/^([/\\])+/, '');
  if (relative.split(/[/\\]/).includes('..')) return null;
  return join(rendererDir, relative || 'index.html');
}

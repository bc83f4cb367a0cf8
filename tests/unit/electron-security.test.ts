import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAppUrl, resolveAppPath, secureWebPreferences } from '../../electron/main/security';
import { REPO_ROOT } from '../helpers/backend';

describe('Electron window hardening', () => {
  it('uses isolated, sandboxed renderers without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('lets only the app origin load and blocks path escapes', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(resolveAppPath('app://tonghop/assets/x.js', '/r', path.posix.join, path.posix.normalize)).toBe('/r/assets/x.js');
    expect(resolveAppPath('app://tonghop/', '/r', path.posix.join, path.posix.normalize)).toBe('/r/index.html');
    // The URL parser folds dot segments, so an escape attempt lands inside the renderer folder.
    expect(resolveAppPath('app://tonghop/%2e%2e/%2e%2e/etc/passwd', '/r', path.posix.join, path.posix.normalize)).toBe('/r/etc/passwd');
    for (const attempt of ['a%2f..%2f..%2fetc/passwd', '..%2f..%2fetc%2fpasswd', '%2e%2e%2f%2e%2e%2fsecret']) {
      const resolved = resolveAppPath(`app://tonghop/${attempt}`, '/r', path.posix.join, path.posix.normalize);
      expect(resolved === null || resolved.startsWith('/r/'), `${attempt} → ${resolved}`).toBe(true);
    }
    expect(resolveAppPath('https://tonghop/x', '/r', path.posix.join, path.posix.normalize)).toBeNull();
  });

  it('wires the hardening into the shell: one IPC channel, sender checked, navigation and new windows blocked', () => {
    const main = fs.readFileSync(path.join(REPO_ROOT, 'electron/main/index.ts'), 'utf8');
    expect(main).toContain('secureWebPreferences(');
    expect(main).toContain("setWindowOpenHandler");
    expect(main).toContain("return { action: 'deny' }");
    expect(main).toMatch(/will-navigate[\s\S]*isAppUrl\(url\)[\s\S]*preventDefault/);
    expect(main).toMatch(/senderFrame[\s\S]*isAppUrl/);
    expect(main).toContain('setPermissionRequestHandler');
    const preload = fs.readFileSync(path.join(REPO_ROOT, 'electron/preload/index.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).not.toMatch(/ipcRenderer\.(on|send)\b/);
    const html = fs.readFileSync(path.join(REPO_ROOT, 'renderer/index.html'), 'utf8');
    expect(html).toContain("Content-Security-Policy");
    expect(html).toContain("script-src 'self'");
    expect(html).not.toContain('unsafe-inline');
  });
});

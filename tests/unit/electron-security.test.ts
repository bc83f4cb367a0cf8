/**
 * The Electron shell's hardening, checked on the real main-process code: Electron itself cannot
 * start on these machines, so its API is replaced by a recorder, and electron/main/index.ts runs
 * against it. Every handler it installs is then called as Electron would call it. Then
 * @doyensec/electronegativity scans the built shell.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { IPC_CHANNEL } from '../../shared/api/ipc';
import { APP_START_URL, isAppUrl, resolveAppPath } from '../../electron/main/security';
import { REPO_ROOT, tempDir } from '../helpers/backend';

type Listener = (...args: unknown[]) => unknown;
const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
  ipc: new Map<string, Listener>(),
  appEvents: new Map<string, Listener>(),
  permission: null as Listener | null,
  permissionCheck: null as Listener | null,
  beforeRequest: null as Listener | null,
  opened: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      recorded.windows.push({ options, loaded: this.loaded });
    }
    once() {}
    show() {}
    isMinimized() {
      return false;
    }
    focus() {}
    restore() {}
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on: (event: string, listener: Listener) => recorded.appEvents.set(event, listener),
      getPath: () => os.tmpdir(),
      quit: () => undefined,
      exit: () => undefined,
    },
    BrowserWindow,
    dialog: { showErrorBox: (title: string, message: string) => recorded.opened.push(`error: ${title}: ${message}`) },
    ipcMain: { handle: (channel: string, listener: Listener) => recorded.ipc.set(channel, listener) },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (t: unknown) => t },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (recorded.permission = h),
        setPermissionCheckHandler: (h: Listener) => (recorded.permissionCheck = h),
        webRequest: { onBeforeRequest: (h: Listener) => (recorded.beforeRequest = h) },
      },
    },
    shell: { openExternal: async (url: string) => void recorded.opened.push(url), openPath: async () => '' },
  };
});

describe('the Electron main process, on a stand-in for Electron', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir();
    process.env.TONGHOP_DATA_DIR = dataDir;
    await import('../../electron/main/index');
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 30_000 });
  }, 60_000);
  afterAll(async () => {
    await recorded.appEvents.get('window-all-closed')?.();
    delete process.env.TONGHOP_DATA_DIR;
  });

  it('opens one window: isolated, sandboxed, without Node, on the app origin', () => {
    const [win] = recorded.windows;
    expect(win!.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      preload: expect.stringMatching(/preload\.cjs$/),
    });
    expect(win!.loaded).toEqual([APP_START_URL]);
  });

  it('refuses every permission and every request that is not the app itself', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      recorded.beforeRequest!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://tonghop/assets/index.js')).toBe(false);
    expect(decide('https://example.com/tracker.js')).toBe(true);
    expect(decide('http://127.0.0.1:8080/api')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'hid', 'serial', 'usb']) {
      let granted: boolean | undefined;
      recorded.permission!({ getURL: () => APP_START_URL }, permission, (g: boolean) => (granted = g), { requestingUrl: APP_START_URL });
      expect(granted, permission).toBe(false);
      expect(recorded.permissionCheck!({}, permission, 'app://tonghop'), permission).toBe(false);
    }
    // Only "Sao chép gửi đơn vị": the app page may write text to the clipboard, another origin may not.
    let granted: boolean | undefined;
    recorded.permission!({ getURL: () => APP_START_URL }, 'clipboard-sanitized-write', (g: boolean) => (granted = g), { requestingUrl: APP_START_URL });
    expect(granted).toBe(true);
    expect(recorded.permissionCheck!({}, 'clipboard-sanitized-write', 'app://tonghop')).toBe(true);
    expect(recorded.permissionCheck!({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });

  it('answers IPC only from the app page, with arguments checked by the contract', async () => {
    const handle = recorded.ipc.get(IPC_CHANNEL)!;
    expect([...recorded.ipc.keys()]).toEqual([IPC_CHANNEL]);
    const from = (url: string) => ({ senderFrame: { url } });
    expect(await handle(from('https://evil.example/'), 'app-info', {})).toMatchObject({ ok: false, error: { type: 'transport' } });
    expect(await handle({ senderFrame: null }, 'app-info', {})).toMatchObject({ ok: false, error: { type: 'transport' } });
    expect(await handle(from(APP_START_URL), 'app-info', {})).toMatchObject({ ok: true, result: { version: expect.any(String) } });
    expect(await handle(from(APP_START_URL), 'unit-get', { id: -1 })).toMatchObject({ ok: false, error: { type: 'validation' } });
    expect(await handle(from(APP_START_URL), 'require', { module: 'child_process' })).toMatchObject({ ok: false, error: { type: 'unknown_method' } });
  });

  it('blocks navigation away from the app, new windows and webviews; web links go to the browser', () => {
    const handlers = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    const contents = { setWindowOpenHandler: (h: Listener) => (openHandler = h), on: (event: string, h: Listener) => handlers.set(event, h) };
    recorded.appEvents.get('web-contents-created')!({}, contents);
    const navigate = (url: string) => {
      let prevented = false;
      handlers.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///C:/Windows/System32/')).toBe(true);
    expect(navigate('app://tonghop/index.html#/plans')).toBe(false);
    expect(openHandler!({ url: 'https://thuvienphapluat.vn/van-ban' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(recorded.opened).toEqual(['https://thuvienphapluat.vn/van-ban']);
    let webview = false;
    handlers.get('will-attach-webview')!({ preventDefault: () => (webview = true) });
    expect(webview).toBe(true);
  });

  it('serves the renderer with the strict CSP, also in the page itself', () => {
    const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:/);
    const html = fs.readFileSync(path.join(REPO_ROOT, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    // frame-ancestors has no effect in a <meta>; every other directive is the same.
    policy.delete('frame-ancestors');
    expect(directives(meta)).toEqual(policy);
    const main = fs.readFileSync(path.join(REPO_ROOT, 'electron/main/index.ts'), 'utf8');
    expect(main).toMatch(/'content-security-policy': CONTENT_SECURITY_POLICY/);
    const preload = fs.readFileSync(path.join(REPO_ROOT, 'electron/preload/index.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).not.toMatch(/ipcRenderer\.(on|send)\b/);
  });
});

describe('the app origin', () => {
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
});

/** A CSV line of electronegativity's report: fields may be quoted and hold commas. */
const csvFields = (line: string) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);

describe('electronegativity on the shell', () => {
  it('finds nothing of high severity', { timeout: 120_000 }, () => {
    // The shell as it is built: main and preload (the 3.8 MB bundle with the whole backend inside
    // is more than its parser reads, so it gets the sources the bundle is built from) and the page.
    const app = tempDir('tonghop-electronegativity-');
    for (const dir of ['main', 'preload']) fs.cpSync(path.join(REPO_ROOT, 'electron', dir), path.join(app, dir), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, 'renderer/index.html'), path.join(app, 'index.html'));
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'tonghop', main: 'main.js' }));
    const report = path.join(app, 'report.csv');
    const electronVersion = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;
    // It looks for Electron's release list online first; without a network it says so and goes on.
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', app, '-o', report, '-r', '-v', 'false', '-e', electronVersion], {
      cwd: app,
      stdio: 'pipe',
      timeout: 100_000,
    });
    const rows = fs.readFileSync(report, 'utf8').trim().split('\n').slice(1).map(csvFields);
    const findings = rows.map((r) => `${r[1]} ${r[0]} ${r[3]}:${r[4]} ${r[6]}`);
    console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} findings\n  ${findings.join('\n  ')}`);
    expect(findings.filter((f) => /^(HIGH|CRITICAL)/.test(f))).toEqual([]);
  });
});

describe('the packaged binary', () => {
  it('flips the Electron fuses: no run-as-Node, no NODE_OPTIONS, no --inspect, cookies encrypted, only its own checked ASAR', () => {
    const yml = fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
    const block = yml.split('electronFuses:')[1]!.split(/\n(?=\S)/)[0]!;
    const fuses = Object.fromEntries([...block.matchAll(/^ {2}(\w+): (true|false)$/gm)].map((m) => [m[1], m[2] === 'true']));
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

/**
 * The Electron shell: one hardened window, the app:// protocol serving the built renderer,
 * one IPC channel into the backend's dispatcher. All logic lives in electron/backend.
 */
import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/ipc';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { startBackend, type Backend } from '../backend/index';
import { DB_FILE } from '../backend/default-paths';
import { APP_SCHEME, APP_START_URL, isAppUrl, resolveAppPath } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
const rendererDir = path.join(__dirname, '..', 'renderer');
let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(start, (e: Error) => fatal(e));
}

function fatal(e: Error): void {
  dialog.showErrorBox('TongHop không khởi động được', e.message);
  app.exit(1);
}

async function start(): Promise<void> {
  const dataDir = process.env.TONGHOP_DATA_DIR ?? app.getPath('userData');
  try {
    // Files the app made are shown with the system's own opener: no shell, whatever the file's name.
    backend = await startBackend({ dbPath: path.join(dataDir, DB_FILE), openPath: (file) => shell.openPath(file) });
  } catch (e) {
    return fatal(e as Error);
  }

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, rendererDir, path.join, path.normalize);
    if (!file || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    return new Response(await fs.promises.readFile(file), {
      headers: { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });

  // Nothing from outside: no permissions (but the app page may put text on the clipboard: "Sao chép gửi đơn vị"), no remote requests.
  const allowed = (permission: string, url: string | undefined) => permission === 'clipboard-sanitized-write' && isAppUrl(url ?? '');
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback, details) => callback(allowed(permission, details?.requestingUrl ?? wc?.getURL?.())));
  // The check handler gets an origin ("app://tonghop"); as a URL it needs its path.
  session.defaultSession.setPermissionCheckHandler((_wc, permission, origin) => allowed(permission, origin ? `${origin}/` : undefined));
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    // blob: carries the files the app itself made (templates, exports, PDFs) to the save dialog.
    const allowed = [`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:'].some((scheme) => details.url.startsWith(scheme));
    callback({ cancel: !allowed });
  });

  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) {
      return { ok: false, error: { type: 'transport', message: 'Yêu cầu không đến từ giao diện TongHop.' } };
    }
    return backend!.dispatch(method, args);
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));
  createWindow();
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'TongHop — Tổng hợp báo cáo',
    show: false,
    // Written out here (not built by a function) so static checkers see them; the test suite runs
    // this file against a stand-in for Electron and asserts exactly these values.
    webPreferences: {
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
      preload: path.join(__dirname, 'preload.cjs'),
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(APP_START_URL);
}

function menuTemplate(): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Tệp',
      submenu: [
        {
          label: 'Nạp dữ liệu mẫu',
          click: async () => {
            const r = await backend!.dispatch('demo-load', {});
            mainWindow?.webContents.reload();
            if (!r.ok) dialog.showErrorBox('Không nạp được dữ liệu mẫu', r.error.message);
          },
        },
        {
          label: 'Mở thư mục dữ liệu',
          click: () => void shell.openPath(path.dirname(backend!.ctx.dbPath)),
        },
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: 'Sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { label: 'Tải lại', role: 'reload' },
        { label: 'Phóng to', role: 'zoomIn' },
        { label: 'Thu nhỏ', role: 'zoomOut' },
        { label: 'Cỡ chữ mặc định', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Toàn màn hình', role: 'togglefullscreen' },
      ],
    },
  ];
}

app.on('window-all-closed', () => {
  void backend?.close().finally(() => app.quit());
});

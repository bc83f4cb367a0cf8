import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, callError, tempDir, testBackend } from '../helpers/backend';

describe('opening a made file in the system viewer', () => {
  let backend: Backend;
  const before = process.env.TONGHOP_OPEN_WITH;
  beforeAll(async () => {
    process.env.TONGHOP_OPEN_WITH = '/usr/bin/true';
    backend = await testBackend();
  });
  afterAll(async () => {
    process.env.TONGHOP_OPEN_WITH = before;
    await backend.close();
  });

  it('writes the file to a private temporary folder and hands it to the viewer', async () => {
    const r = await call(backend, 'file-open', { fileName: 'Báo cáo.pdf', dataBase64: Buffer.from('%PDF-1.7 thử').toString('base64') });
    expect(r.path.endsWith('Báo cáo.pdf')).toBe(true);
    expect(fs.readFileSync(r.path, 'utf8')).toBe('%PDF-1.7 thử');
    expect(fs.statSync(r.path).mode & 0o077).toBe(0);
  });

  it('refuses names that could go elsewhere or run something', async () => {
    for (const fileName of ['../x.pdf', 'a/b.pdf', 'x.exe', 'x.pdf.bat']) {
      expect((await callError(backend, 'file-open', { fileName, dataBase64: '' })).type).toBe('validation');
    }
  });

  it('says where the file is when no viewer can be started', async () => {
    process.env.TONGHOP_OPEN_WITH = '/nonexistent/viewer';
    const e = await callError(backend, 'file-open', { fileName: 'x.pdf', dataBase64: '' });
    expect(e.message).toMatch(/^Không mở được tệp bằng ứng dụng mặc định của máy\. Tệp đã được lưu tại .*x\.pdf\.$/);
    process.env.TONGHOP_OPEN_WITH = '/usr/bin/true';
  });

  it('hands a name with & ^ % to the viewer as one argument, no shell in between', async () => {
    const dir = tempDir('tonghop-viewer-');
    const viewer = path.join(dir, 'viewer.sh');
    fs.writeFileSync(viewer, `#!/bin/sh\nprintf '%s\\n' "$#" "$1" > ${path.join(dir, 'args.txt')}\n`, { mode: 0o755 });
    process.env.TONGHOP_OPEN_WITH = viewer;
    const fileName = 'Báo cáo & kế hoạch ^ 100% $HOME.pdf';
    const r = await call(backend, 'file-open', { fileName, dataBase64: Buffer.from('%PDF').toString('base64') });
    for (let i = 0; i < 50 && !fs.existsSync(path.join(dir, 'args.txt')); i++) await new Promise((w) => setTimeout(w, 20));
    expect(fs.readFileSync(path.join(dir, 'args.txt'), 'utf8')).toBe(`1\n${r.path}\n`);
    expect(path.basename(r.path)).toBe(fileName);
    process.env.TONGHOP_OPEN_WITH = '/usr/bin/true';
  });

  it('makes file names from period names that hold "/", and deletes shown files after an hour', async () => {
    const demo = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
    try {
      const period = (await call(demo, 'period-list', {})).find((p) => p.name.includes('15/10/2024'))!;
      const doc = await call(demo, 'document-settings-get', { periodId: period.id });
      const pdf = await call(demo, 'merge-pdf', { periodId: period.id, document: doc });
      expect(pdf.fileName).toBe('Bao cao - Tỉnh Kon Tum - Báo cáo kết quả thực hiện Kế hoạch năm 2024 (trước 15-10-2024).pdf');
      const old = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-xem-'));
      fs.writeFileSync(path.join(old, 'cu.pdf'), 'x');
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
      const shown = await call(demo, 'file-open', { fileName: pdf.fileName, dataBase64: pdf.dataBase64 });
      expect(fs.existsSync(shown.path)).toBe(true);
      expect(fs.existsSync(old)).toBe(false);
      expect(fs.statSync(path.dirname(shown.path)).mode & 0o077).toBe(0);
    } finally {
      await demo.close();
    }
  });
});

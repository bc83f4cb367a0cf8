import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, callError, testBackend } from '../helpers/backend';

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
});

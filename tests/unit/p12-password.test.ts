/**
 * A .p12 made by OpenSSL 3 with a Vietnamese password: the contents are encrypted over the
 * password's UTF-8 bytes, while forge first tries the BMPString form. In about 1 of 256 files
 * that wrong key decrypts to valid padding over garbage, which then fails to parse instead of
 * failing to decrypt; this fixture is such a file (found by making 3,000; a throwaway
 * self-signed key, password "mật khẩu", valid for 100 years). It must open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCertificate } from '../../electron/backend/pdf/sign';
import { REPO_ROOT } from '../helpers/backend';

describe('a .p12 with a non-ASCII password', () => {
  const p12 = fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/p12/utf8-password-lucky-padding.p12'));
  it('opens even when the first decryption attempt yields parseable-looking garbage', () => {
    expect(openCertificate(p12, 'mật khẩu', new Date()).info.commonName).toBe('x');
  });
  it('still says a wrong password is wrong', () => {
    expect(() => openCertificate(p12, 'mật khẩu sai', new Date())).toThrow('Mật khẩu của tệp chữ ký số không đúng.');
  });
});

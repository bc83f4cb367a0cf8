/** Certificates for the signing tests, made by openssl as a CA's export would be. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A self-signed RSA certificate for `subject` ("/CN=…/O=…", UTF-8) and its key, in a .p12 with `password`. */
export function opensslP12(dir: string, subject: string, password: string, days = 365): Buffer {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-keyout', 'k.pem', '-out', 'c.pem', '-days', String(days), '-nodes', '-utf8', '-subj', subject]);
  run(['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'a.p12', '-passout', `pass:${password}`]);
  return fs.readFileSync(path.join(dir, 'a.p12'));
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './backend';

export const SOFTHSM_LIBRARY = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'].find((f) => fs.existsSync(f)) ?? null;
export const hasSoftHsm = !!SOFTHSM_LIBRARY && ['/usr/bin/softhsm2-util', '/usr/bin/pkcs11-tool', '/usr/bin/openssl'].every((t) => fs.existsSync(t));

/**
 * A SoftHSM2 token in a temporary folder (SOFTHSM2_CONF points there), with an RSA key and its
 * certificate imported as a CA's USB token holds them: the key and the certificate share an ID.
 */
export function softToken(options: { label: string; pin: string; subject: string }): { dir: string; certificateDer: Buffer; removeToken(): void } {
  const dir = tempDir('tonghop-token-');
  const tokens = path.join(dir, 'tokens');
  fs.mkdirSync(tokens);
  const conf = path.join(dir, 'softhsm2.conf');
  fs.writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = conf;
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: 'pipe', env: { ...process.env, SOFTHSM2_CONF: conf } });
  run('softhsm2-util', ['--init-token', '--free', '--label', options.label, '--pin', options.pin, '--so-pin', '87654321']);
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '30', '-nodes', '-utf8', '-subj', options.subject]);
  run('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', 'k.pem', '-out', 'k8.pem']);
  run('softhsm2-util', ['--import', 'k8.pem', '--token', options.label, '--label', 'chu-ky', '--id', '01', '--pin', options.pin]);
  run('openssl', ['x509', '-in', 'c.pem', '-outform', 'DER', '-out', 'c.der']);
  run('pkcs11-tool', ['--module', SOFTHSM_LIBRARY!, '--login', '--pin', options.pin, '--token-label', options.label, '--write-object', 'c.der', '--type', 'cert', '--id', '01', '--label', 'chu-ky']);
  fs.rmSync(path.join(dir, 'k.pem'));
  fs.rmSync(path.join(dir, 'k8.pem'));
  return {
    dir,
    certificateDer: fs.readFileSync(path.join(dir, 'c.der')),
    /** Pulls the token out: the reader (the library) stays, the token's files go. */
    removeToken: () => {
      for (const t of fs.readdirSync(tokens)) fs.rmSync(path.join(tokens, t), { recursive: true, force: true });
    },
  };
}

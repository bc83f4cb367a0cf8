/** The instance lock is taken by exactly one of six processes starting together, 50 times over. */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/backend';

const PROCESSES = 6;
const TRIALS = 50;

describe('the instance lock under a race', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill()));

  const ask = (c: ChildProcess, m: string) => new Promise<string>((resolve) => { c.once('message', (r) => resolve(String(r))); c.send(m); });

  it(`is held by exactly one of ${PROCESSES} processes in each of ${TRIALS} trials, also in a data folder that does not exist yet`, async () => {
    const dbPath = path.join(tempDir('tonghop-race-'), 'new', 'folder', 'tonghop.sqlite');
    for (let i = 0; i < PROCESSES; i++) {
      const c = fork(path.join(REPO_ROOT, 'tests/helpers/lock-racer.ts'), [dbPath], { execArgv: ['--import', 'tsx'], cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      children.push(c);
      await new Promise<void>((resolve) => c.once('message', () => resolve()));
    }
    const winners: number[] = [];
    for (let t = 0; t < TRIALS; t++) {
      const answers = await Promise.all(children.map((c) => ask(c, 'take')));
      winners.push(answers.filter((a) => a === 'held').length);
      await Promise.all(children.map((c) => ask(c, 'release')));
      // Every fifth trial, the holder "crashed": its lock stays behind with a process that is gone.
      if (t % 5 === 4) fs.writeFileSync(`${dbPath}.lock`, JSON.stringify({ pid: 999_999_999, host: (await import('node:os')).hostname(), startedAt: '2020-01-01T00:00:00Z' }));
    }
    expect(winners).toEqual(Array(TRIALS).fill(1));
    expect(fs.readdirSync(path.dirname(dbPath)).filter((n) => /\.(new|stale|takeover)$/.test(n))).toEqual([]);
  }, 120_000);
});

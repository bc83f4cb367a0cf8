/**
 * The arrows of the design, written down as a test (as VS Code's code-layering rule does):
 * every import in the source tree is read, resolved, and checked against the forbidden arrows.
 *
 *   renderer        → backend, Electron, Node        (it talks to the backend only through shared/api)
 *   backend         → electron/main, preload, 'electron'   (it runs in Electron, the web host, the CLI, tests)
 *   shared/domain   → anything outside shared/domain, Node  (pure functions)
 *   shared/api      → backend, renderer
 *   backend/db      → handlers, services, templates, … (anything in the backend outside db/)
 *   services        → handlers, dispatch
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/backend';

interface Edge {
  from: string;
  /** Repo-relative path of a source file, or the bare name of a package / node: builtin. */
  to: string;
  line: number;
}

interface Rule {
  name: string;
  from: RegExp;
  to: RegExp;
}

const NODE_BUILTIN = /^(node:|(fs|path|os|crypto|child_process|worker_threads|url|util|zlib|stream|http|https|net|events|buffer)$)/;

const RULES: Rule[] = [
  { name: 'renderer → backend or Electron', from: /^renderer\//, to: /^electron(\/|$)/ },
  { name: 'renderer → Node', from: /^renderer\//, to: NODE_BUILTIN },
  { name: 'backend → Electron shell', from: /^electron\/backend\//, to: /^(electron\/(main|preload)\/|electron$)/ },
  { name: 'domain → anything outside domain', from: /^shared\/domain\//, to: /^(electron|renderer|shared\/api)(\/|$)/ },
  { name: 'domain → Node', from: /^shared\/domain\//, to: NODE_BUILTIN },
  { name: 'contract → backend or renderer', from: /^shared\/api\//, to: /^(electron|renderer)(\/|$)/ },
  { name: 'db → the backend above it', from: /^electron\/backend\/db\//, to: /^electron\/backend\/(?!db\/)/ },
  { name: 'services → handlers or dispatch', from: /^electron\/backend\/services\//, to: /^electron\/backend\/(handlers\/|dispatch)/ },
];

const SOURCE = /\.(ts|tsx)$/;
const IMPORT = /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...sourceFiles(rel));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Resolves a specifier as seen from a file: repo-relative path (without extension) or the package name. */
function resolve(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier.startsWith('node:') ? specifier : specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.(ts|tsx|js|mjs|cjs)$/, '');
}

export function importsOf(file: string, text: string): Edge[] {
  const edges: Edge[] = [];
  // Comments hold examples of imports; they are not imports.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/[^\n]*/g, (c, lead: string) => lead + ' '.repeat(c.length - lead.length));
  for (const m of code.matchAll(IMPORT)) {
    const specifier = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    edges.push({ from: file, to: resolve(file, specifier), line: code.slice(0, m.index).split('\n').length });
  }
  return edges;
}

export function violations(edges: readonly Edge[], rules: readonly Rule[] = RULES): string[] {
  return edges.flatMap((e) => rules.filter((r) => r.from.test(e.from) && r.to.test(e.to)).map((r) => `${r.name}: ${e.from}:${e.line} imports ${e.to}`));
}

describe('layering', () => {
  const files = ['electron', 'renderer/src', 'shared'].flatMap(sourceFiles);
  const edges = files.flatMap((f) => importsOf(f, fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')));

  it('reads the imports of the whole source tree', () => {
    expect(files.length).toBeGreaterThan(100);
    // Some arrows that exist today, so that a reader that finds nothing cannot pass.
    expect(edges).toContainEqual(expect.objectContaining({ from: 'electron/backend/db/connection.ts', to: 'electron/backend/db/migrations' }));
    expect(edges).toContainEqual(expect.objectContaining({ from: 'electron/main/index.ts', to: 'electron' }));
    expect(edges.some((e) => e.from.startsWith('renderer/') && e.to.startsWith('shared/api/'))).toBe(true);
  });

  it('has no forbidden arrow', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('would catch each forbidden arrow', () => {
    const planted: [string, string][] = [
      ['renderer/src/features/x/Page.tsx', "import { getPlan } from '../../../../electron/backend/services/plans';"],
      ['renderer/src/features/x/Page.tsx', "import fs from 'node:fs';"],
      ['electron/backend/services/x.ts', "import { app } from 'electron';"],
      ['electron/backend/x.ts', "const m = await import('../main/security');"],
      ['shared/domain/x.ts', "import type { PlanDetail } from '../api/types';"],
      ['shared/domain/x.ts', "import { db } from '../../electron/backend/db/connection';"],
      ['shared/api/x.ts', "export { thing } from '../../renderer/src/api';"],
      ['electron/backend/db/x.ts', "import { UserError } from '../errors';"],
      ['electron/backend/db/x.ts', "import { audit } from '../services/audit';"],
      ['electron/backend/services/x.ts', "import { planHandlers } from '../handlers/plans';"],
    ];
    for (const [file, line] of planted) {
      expect(violations(importsOf(file, `${line}\n`)), `${file}: ${line}`).toHaveLength(1);
    }
    // Allowed arrows stay allowed; an import in a comment is no import.
    expect(violations(importsOf('electron/backend/db/x.ts', "import { sql } from 'kysely';\nimport type { Database } from './schema';\n// import { x } from '../errors';\n"))).toEqual([]);
    expect(violations(importsOf('electron/backend/services/x.ts', "import { currentReport } from '../db/report-store';\n"))).toEqual([]);
  });
});

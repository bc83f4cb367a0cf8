/**
 * Reorganisations of the unit tree: pure rules, no I/O. A reorganisation is a list of steps on
 * one effective date; what came before that date never changes.
 */
import type { UnitKind } from './org-units';
import { groupBy } from './group';

export const DUTIES = { child_affairs: 'Công tác trẻ em' } as const;
export type Duty = keyof typeof DUTIES;

/** A unit a change creates; without a code, one is made from the parent's code and the name. */
export type NewUnit = { code?: string; name: string; kind: UnitKind; parentId: number | null };

/** "Phường Kon Tum" → "P-KONTUM", "Xã Ia H’Drai" → "X-IAHDRAI": short, ASCII, stable. */
export function unitCodeFromName(name: string): string {
  const folded = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D').toUpperCase();
  const words = folded.split(/[^A-Z0-9]+/).filter(Boolean);
  const kind = { PHUONG: 'P', XA: 'X', THI: 'TT', TINH: 'T', HUYEN: 'H', SO: 'S' }[words[0] ?? ''];
  const rest = kind ? words.slice(kind === 'TT' ? 2 : 1) : words;
  return [kind, rest.join('')].filter(Boolean).join('-').slice(0, 40) || 'DV';
}

export type ReorgStep =
  | { op: 'create'; unit: NewUnit }
  | { op: 'rename'; unitId: number; name: string }
  | { op: 'move'; unitIds: number[]; parentId: number | null }
  /** The unit ends; its children (if any) move under `childrenTo`. */
  | { op: 'dissolve'; unitId: number; childrenTo: number | null }
  /** The sources end and become part of an existing unit or a new one; their children move there. */
  | { op: 'merge'; sourceIds: number[]; into: { unitId: number } | { unit: NewUnit } }
  /** The unit ends and becomes several new ones; each child goes to one of them. */
  | { op: 'split'; unitId: number; parts: (NewUnit & { childIds: number[] })[] }
  /** A duty (e.g. child affairs) passes from one unit to another. */
  | { op: 'transfer'; duty: Duty; fromId: number; toId: number };

export type ReorgOp = ReorgStep['op'];

export const CHANGE_KINDS = {
  create: 'Thành lập',
  rename: 'Đổi tên',
  move: 'Chuyển đơn vị cấp trên',
  merge: 'Sáp nhập',
  split: 'Chia tách',
  dissolve: 'Giải thể',
  transfer: 'Chuyển giao nhiệm vụ',
  reorganise: 'Sắp xếp tổ chức',
} as const;
export type ChangeKind = keyof typeof CHANGE_KINDS;

/** The kind a list of steps is filed under: its one kind, or "reorganise" when mixed. */
export function changeKindOf(steps: readonly ReorgStep[]): ChangeKind {
  const kinds = new Set(steps.map((s) => s.op));
  return kinds.size === 1 ? [...kinds][0]! : 'reorganise';
}

/** One node of a tree shown before/after a change. */
export interface TreeNode {
  id: number;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  isSample?: boolean;
}

export interface DiffNode extends TreeNode {
  /** new: exists only after; ended: only before; renamed/moved: changed on the date. */
  marks: ('new' | 'ended' | 'renamed' | 'moved')[];
  oldName?: string;
}

/** Marks what a change did, on the tree before it (ended units) and the tree after it (the rest). */
export function diffTrees(before: readonly TreeNode[], after: readonly TreeNode[]): { before: DiffNode[]; after: DiffNode[] } {
  const was = new Map(before.map((u) => [u.id, u]));
  const is = new Map(after.map((u) => [u.id, u]));
  return {
    before: before.map((u) => ({ ...u, marks: is.has(u.id) ? [] : ['ended'] })),
    after: after.map((u) => {
      const old = was.get(u.id);
      if (!old) return { ...u, marks: ['new'] };
      const marks: DiffNode['marks'] = [];
      if (old.name !== u.name) marks.push('renamed');
      if (old.parentId !== u.parentId) marks.push('moved');
      return marks.includes('renamed') ? { ...u, marks, oldName: old.name } : { ...u, marks };
    }),
  };
}

export interface Succession {
  predecessorId: number;
  successorId: number;
}

/**
 * The units that stood, on `date`, for what `unitId` is now: itself if it existed then, else its
 * predecessors (followed back through several changes). A unit made by a split has the unit it
 * was split from as predecessor; `shared` says that its figure covers more than this unit.
 */
export function predecessorsAt(
  unitId: number,
  date: string,
  successions: readonly Succession[],
  existedOn: (id: number, date: string) => boolean,
): { ids: number[]; shared: boolean } {
  const ids = new Set<number>();
  let shared = false;
  const seen = new Set<number>();
  const walk = (id: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    if (existedOn(id, date)) {
      ids.add(id);
      return;
    }
    for (const s of successions) {
      if (s.successorId !== id) continue;
      if (successions.filter((x) => x.predecessorId === s.predecessorId).length > 1) shared = true;
      walk(s.predecessorId);
    }
  };
  walk(unitId);
  return { ids: [...ids], shared };
}

/**
 * The symbol part of a document number: `BC-` and the initials of the issuing body
 * ("Sở Lao động - Thương binh và Xã hội" → "BC-SLĐTBXH", "Sở Y tế" → "BC-SYT").
 */
export function documentSymbol(issuingBody: string, docKind = 'BC'): string {
  const initials = issuingBody
    .normalize('NFC')
    .split(/[\s,-]+/)
    .filter((w) => w && !/^(và|của|tỉnh|thành|phố)$/i.test(w))
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
  return initials ? `${docKind}-${initials}` : docKind;
}

/** Levels of territorial units under a root: province → districts → communes is 3, province → communes is 2. */
export function territorialTiers(nodes: readonly { id: number; parentId: number | null; kind: UnitKind }[], rootId: number): number {
  const territorial = new Set<UnitKind>(['province', 'district', 'commune']);
  const children = groupBy(nodes.filter((n) => n.parentId !== null && territorial.has(n.kind)), (n) => n.parentId!, (n) => n.id);
  const depth = (id: number, guard: number): number => (guard > 50 ? 1 : 1 + Math.max(0, ...(children.get(id) ?? []).map((c) => depth(c, guard + 1))));
  return depth(rootId, 0);
}

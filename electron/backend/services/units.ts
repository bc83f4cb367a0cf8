/**
 * Organisation units with history. A change (rename, move, dissolve, merge, split, a duty passing
 * to another unit, or a whole reorganisation of these on one date) never rewrites the past: it
 * closes the current version at the effective date and opens a new one, so anything dated before
 * that date still resolves the unit's name and parent as they were. Every change is recorded
 * with the state before it, so the latest one can be undone exactly.
 */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { OrgChangeDto, OrgEventKind, ReorgResult, UnitDto, UnitVersionDto } from '../../../shared/api/types';
import { checkChangeDate, dayBefore, formatIsoDate, versionAt, vietnamDate, type UnitKind } from '../../../shared/domain/org-units';
import { CHANGE_KINDS, DUTIES, changeKindOf, diffTrees, unitCodeFromName, type ChangeKind, type Duty, type NewUnit, type ReorgStep } from '../../../shared/domain/reorganisation';
import type { Db } from '../db/connection';
import { revisionCount } from '../db/report-store';
import { cachedRead } from '../db/read-cache';
import { nowIso, type BackendContext } from '../context';
import { UserError, notFound } from '../errors';
import { audit } from './audit';
import { getSetting } from './settings';
import { groupBy } from '../../../shared/domain/group';

type Trx = Db;
type Role = 'subject' | 'source' | 'target';

/** Today in Vietnam: deadlines and effective dates are Vietnamese calendar dates. */
export function todayIso(ctx: BackendContext): string {
  return vietnamDate(ctx.now());
}

/** Every unit as it was on `asOf` (with its whole history); kept until a unit table changes. */
export async function listUnits(db: Db, asOf: string, includeDissolved = false): Promise<UnitDto[]> {
  // A fresh array (callers filter and sort); the units themselves are shared and never changed.
  return [...(await cachedRead(db, ['units'], `units:${asOf}:${includeDissolved}`, () => readUnits(db, asOf, includeDissolved)))];
}

async function readUnits(db: Db, asOf: string, includeDissolved: boolean): Promise<UnitDto[]> {
  const units = await db.selectFrom('org_unit').selectAll().orderBy('code').execute();
  const versions = await db
    .selectFrom('org_unit_version as v')
    .leftJoin('org_event as e', 'e.id', 'v.event_id')
    .select(['v.unit_id', 'v.name', 'v.short_name', 'v.parent_id', 'v.valid_from', 'v.valid_to', 'e.kind as event_kind', 'e.note as event_note'])
    .orderBy('v.unit_id')
    .orderBy('v.valid_from')
    .execute();
  const successions = await db.selectFrom('org_succession').selectAll().execute();
  const duties = await db.selectFrom('unit_duty').selectAll().orderBy('valid_from').execute();
  const rawByUnit = groupBy(versions, (v) => v.unit_id);
  const byUnit = new Map([...rawByUnit].map(([unitId, list]) => [unitId, list.map(toVersion)]));
  const successionsOf = groupBy(successions, (s) => s.successor_id);
  const successorsOf = groupBy(successions, (s) => s.predecessor_id);
  const dutiesOf = groupBy(duties, (d) => d.unit_id);
  const nameAt = (unitId: number, date: string): string => {
    const list = byUnit.get(unitId) ?? [];
    return (versionAt(list, date) ?? list.at(-1))?.name ?? `đơn vị số ${unitId}`;
  };
  const out: UnitDto[] = [];
  for (const u of units) {
    const raw = rawByUnit.get(u.id) ?? [];
    const history: UnitVersionDto[] = raw.map((v) => ({
      ...toVersion(v),
      shortName: v.short_name,
      parentName: v.parent_id === null ? null : nameAt(v.parent_id, v.valid_from),
      eventKind: (v.event_kind as OrgEventKind | null) ?? null,
      eventNote: v.event_note ?? null,
    }));
    const current = versionAt(history, asOf);
    if (!current && !includeDissolved) continue;
    const shown = current ?? history.at(-1);
    if (!shown) continue;
    // Names of units before and after a change: as they were the day before it, and on it.
    const predecessors = (successionsOf.get(u.id) ?? []).map((s) => ({ id: s.predecessor_id, name: nameAt(s.predecessor_id, dayBefore(s.effective_on)), on: s.effective_on }));
    const successors = (successorsOf.get(u.id) ?? []).map((s) => ({ id: s.successor_id, name: nameAt(s.successor_id, s.effective_on), on: s.effective_on }));
    out.push({
      id: u.id,
      code: u.code,
      kind: u.kind as UnitKind,
      name: shown.name,
      parentId: shown.parentId,
      createdOn: u.created_on,
      dissolvedOn: u.dissolved_on,
      successorId: u.successor_id,
      successorName: successors[0]?.name ?? null,
      isSample: u.is_sample === 1,
      versions: history,
      predecessors,
      successors,
      duties: (dutiesOf.get(u.id) ?? []).map((d) => ({ duty: d.duty as Duty, validFrom: d.valid_from, validTo: d.valid_to })),
    });
  }
  return out;
}

function toVersion(v: { name: string; parent_id: number | null; valid_from: string; valid_to: string | null }) {
  return { name: v.name, parentId: v.parent_id, validFrom: v.valid_from, validTo: v.valid_to };
}

export async function getUnit(db: Db, id: number, asOf: string): Promise<UnitDto> {
  const unit = (await listUnits(db, asOf, true)).find((u) => u.id === id);
  if (!unit) throw notFound(`đơn vị số ${id}`);
  return unit;
}

/** Every unit below `rootId` in the tree valid on `date`, parents before children. */
export function descendantsIn(units: readonly UnitDto[], rootId: number): UnitDto[] {
  const children = groupBy(units, (u) => u.parentId);
  const out: UnitDto[] = [];
  const seen = new Set<number>([rootId]);
  const queue = [rootId];
  while (queue.length) {
    for (const c of children.get(queue.shift()!) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
      queue.push(c.id);
    }
  }
  return out;
}

/** The unit holding a duty on a date within the tree under `rootId` (e.g. the province's child-affairs department). */
export function dutyHolder(units: readonly UnitDto[], rootId: number, duty: Duty, date: string): UnitDto | null {
  return descendantsIn(units, rootId).find((u) => holdsDutyOn(u, duty, date)) ?? null;
}

/** The national body holding a duty on a date (a root unit of kind "ministry"). */
export function ministryFor(units: readonly UnitDto[], duty: Duty, date: string): UnitDto | null {
  return units.find((u) => u.kind === 'ministry' && holdsDutyOn(u, duty, date)) ?? null;
}

/**
 * The unit doing a unit's work on a date: itself while it exists; after it ended, the unit that
 * took its child-affairs duty (when it held one) or else its successor, followed to the date.
 */
export function standInOn(units: readonly UnitDto[], unitId: number, date: string): UnitDto | null {
  let u = units.find((x) => x.id === unitId);
  for (let hops = 0; u && u.dissolvedOn !== null && u.dissolvedOn <= date && hops < 10; hops++) {
    const held = u.duties.some((d) => d.duty === 'child_affairs');
    const root = rootOf(units, u, date);
    const holder = held && root ? dutyHolder(units, root.id, 'child_affairs', date) : null;
    const next = holder ?? units.find((x) => x.id === u!.successors[0]?.id);
    if (!next || next.id === u.id) return null;
    u = next;
    if (holder) break;
  }
  return u ?? null;
}

/** The top of a unit's tree on a date: up its parents, and on to the unit a dissolved top merged into (Kon Tum → Quảng Ngãi). */
function rootOf(units: readonly UnitDto[], u: UnitDto, date: string): UnitDto | null {
  let cur: UnitDto | undefined = u;
  for (let i = 0; cur && i < 30; i++) {
    const next: UnitDto | undefined =
      cur.parentId !== null ? units.find((x) => x.id === cur!.parentId) : cur.dissolvedOn !== null && cur.dissolvedOn <= date ? units.find((x) => x.id === cur!.successors[0]?.id) : undefined;
    if (!next) break;
    cur = next;
  }
  return cur ?? null;
}

function holdsDutyOn(u: UnitDto, duty: Duty, date: string): boolean {
  return u.duties.some((d) => d.duty === duty && d.validFrom <= date && (d.validTo === null || date < d.validTo));
}

// ---------------------------------------------------------------------------------------------
// Changes

interface Change {
  id: number;
  effectiveOn: string;
  note: string | null;
}

interface OrgSnapshot {
  units: { id: number; code: string; kind: string; created_on: string; dissolved_on: string | null; successor_id: number | null; is_sample: 0 | 1 }[];
  versions: { id: number; unit_id: number; name: string; short_name: string | null; parent_id: number | null; valid_from: string; valid_to: string | null; event_id: number | null }[];
  successions: { predecessor_id: number; successor_id: number; effective_on: string; change_id: number | null }[];
  duties: { id: number; unit_id: number; duty: string; valid_from: string; valid_to: string | null; change_id: number | null }[];
}

async function takeSnapshot(trx: Trx): Promise<OrgSnapshot> {
  return {
    units: await trx.selectFrom('org_unit').selectAll().orderBy('id').execute(),
    versions: await trx.selectFrom('org_unit_version').selectAll().orderBy('id').execute(),
    successions: await trx.selectFrom('org_succession').selectAll().execute(),
    duties: await trx.selectFrom('unit_duty').selectAll().orderBy('id').execute(),
  };
}

/** Thrown inside a preview's transaction to roll it back while carrying the result out. */
class PreviewDone extends Error {
  constructor(readonly result: ReorgResult) {
    super('preview');
  }
}

/**
 * Applies steps on one date as one recorded change, in one transaction. With `preview`, the
 * steps are applied, the trees before and after are read, and everything is rolled back.
 */
export async function reorganise(db: Db, ctx: BackendContext, args: ApiParsedArgs<'org-reorganise'>): Promise<ReorgResult> {
  try {
    return await db.transaction().execute((trx) => reorganiseIn(trx, ctx, args));
  } catch (e) {
    if (e instanceof PreviewDone) return e.result;
    throw e;
  }
}

/** The same, inside a transaction the caller holds (the demo loads its history in one). */
export async function reorganiseIn(trx: Trx, ctx: BackendContext, args: ApiParsedArgs<'org-reorganise'>): Promise<ReorgResult> {
  const before = await listUnits(trx, dayBefore(args.effectiveOn));
  const snapshot = await takeSnapshot(trx);
  const createdBy = await getSetting(trx, 'userName');
  const kind = changeKindOf(args.steps);
  const { id } = await trx
    .insertInto('org_change')
    .values({ kind, effective_on: args.effectiveOn, title: args.title, note: args.note || null, created_at: nowIso(ctx), created_by: createdBy, snapshot_json: JSON.stringify(snapshot), undone_at: null, undone_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const change: Change = { id, effectiveOn: args.effectiveOn, note: args.note || args.title };
  const summary: string[] = [];
  for (const [i, step] of args.steps.entries()) {
    try {
      summary.push(await applyStep(trx, ctx, change, step));
    } catch (e) {
      if (e instanceof UserError && args.steps.length > 1) throw new UserError(e.type, `Thay đổi thứ ${i + 1}: ${e.message}`);
      throw e;
    }
  }
  const after = await listUnits(trx, args.effectiveOn);
  const diff = diffTrees(before.map(treeNode), after.map(treeNode));
  const result: ReorgResult = { change: null, effectiveOn: args.effectiveOn, before: diff.before, after: diff.after, summary };
  if (args.preview) throw new PreviewDone(result);
  await audit(trx, ctx, { entity: 'unit', entityId: null, action: `change ${kind}`, after: { changeId: id, title: args.title, effectiveOn: args.effectiveOn, steps: args.steps }, reason: args.note });
  return { ...result, change: (await listChanges(trx)).find((c) => c.id === id)! };
}

const treeNode = (u: UnitDto) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId, isSample: u.isSample });

async function applyStep(trx: Trx, ctx: BackendContext, change: Change, step: ReorgStep): Promise<string> {
  const on = change.effectiveOn;
  const nameOf = async (id: number) => {
    const versions = await versionsOf(trx, id);
    return (versionAt(versions, on) ?? versions.at(-1)!).name;
  };
  switch (step.op) {
    case 'create': {
      const id = await insertUnit(trx, ctx, change, step.unit, 'subject');
      return `Thành lập ${step.unit.name}${step.unit.parentId ? ` trực thuộc ${await nameOf(step.unit.parentId)}` : ''} (mã ${await codeOf(trx, id)}).`;
    }
    case 'rename': {
      const old = await nameOf(step.unitId);
      if (old === step.name) throw new UserError('validation', `Tên mới của "${old}" trùng với tên hiện tại.`);
      await changeVersion(trx, ctx, change, step.unitId, 'rename', { name: step.name }, [{ id: step.unitId, role: 'subject' }]);
      return `Đổi tên ${old} thành ${step.name}.`;
    }
    case 'move': {
      for (const id of step.unitIds) {
        await checkParent(trx, id, step.parentId, on);
        await changeVersion(trx, ctx, change, id, 'move', { parentId: step.parentId }, [{ id, role: 'subject' }]);
      }
      const names = await Promise.all(step.unitIds.map(nameOf));
      return `Chuyển ${listNames(names)} về trực thuộc ${step.parentId ? await nameOf(step.parentId) : 'cấp cao nhất'}.`;
    }
    case 'dissolve': {
      const name = await nameOf(step.unitId);
      const children = await activeChildren(trx, step.unitId, on);
      if (children.length && step.childrenTo === null) {
        throw new UserError('validation', `${name} còn ${children.length} đơn vị trực thuộc vào ngày ${formatIsoDate(on)}. Hãy chọn nơi các đơn vị này chuyển về, hoặc dùng "Sáp nhập".`);
      }
      if (step.childrenTo !== null) await moveChildren(trx, ctx, change, children, step.childrenTo);
      await endUnit(trx, ctx, change, step.unitId, 'dissolve', [{ id: step.unitId, role: 'subject' }]);
      await handOverDuties(trx, step.unitId, null, on, change, name);
      return children.length ? `Giải thể ${name}; ${children.length} đơn vị trực thuộc chuyển về ${await nameOf(step.childrenTo!)}.` : `Giải thể ${name}.`;
    }
    case 'merge': {
      const targetId = 'unitId' in step.into ? step.into.unitId : await insertUnit(trx, ctx, change, step.into.unit, 'target');
      if (step.sourceIds.includes(targetId)) throw new UserError('validation', 'Đơn vị nhận sáp nhập không thể đồng thời là đơn vị bị sáp nhập.');
      if (!versionAt(await versionsOf(trx, targetId), on)) throw new UserError('validation', `Đơn vị nhận sáp nhập không hoạt động vào ngày ${formatIsoDate(on)}.`);
      const targetName = await nameOf(targetId);
      const names: string[] = [];
      for (const sourceId of step.sourceIds) {
        const name = await nameOf(sourceId);
        names.push(name);
        await moveChildren(trx, ctx, change, await activeChildren(trx, sourceId, on), targetId);
        await endUnit(trx, ctx, change, sourceId, 'merge', [{ id: sourceId, role: 'source' }, { id: targetId, role: 'target' }]);
        await trx.updateTable('org_unit').set({ successor_id: targetId }).where('id', '=', sourceId).execute();
        await trx.insertInto('org_succession').values({ predecessor_id: sourceId, successor_id: targetId, effective_on: on, change_id: change.id }).execute();
        await handOverDuties(trx, sourceId, targetId, on, change, name);
      }
      return `Sáp nhập ${listNames(names)} vào ${'unit' in step.into ? 'đơn vị mới ' : ''}${targetName}.`;
    }
    case 'split': {
      const name = await nameOf(step.unitId);
      const children = await activeChildren(trx, step.unitId, on);
      const assigned = step.parts.flatMap((p) => p.childIds);
      const unassigned = children.filter((c) => !assigned.includes(c));
      if (unassigned.length) throw new UserError('validation', `Còn ${unassigned.length} đơn vị trực thuộc ${name} chưa được chia về đơn vị mới nào: ${listNames(await Promise.all(unassigned.map(nameOf)))}.`);
      const strays = assigned.filter((c) => !children.includes(c));
      if (strays.length) throw new UserError('validation', `${listNames(await Promise.all(strays.map(nameOf)))} không trực thuộc ${name} vào ngày ${formatIsoDate(on)}.`);
      const parts: string[] = [];
      for (const part of step.parts) {
        const partId = await insertUnit(trx, ctx, change, part, 'target');
        await moveChildren(trx, ctx, change, part.childIds, partId);
        await trx.insertInto('org_succession').values({ predecessor_id: step.unitId, successor_id: partId, effective_on: on, change_id: change.id }).execute();
        parts.push(part.name);
      }
      if (await holdsDuty(trx, step.unitId, on)) throw new UserError('validation', `${name} đang phụ trách ${DUTIES.child_affairs.toLowerCase()}; hãy chuyển giao nhiệm vụ này trước khi chia tách.`);
      await endUnit(trx, ctx, change, step.unitId, 'dissolve', [{ id: step.unitId, role: 'source' }]);
      return `Chia tách ${name} thành ${listNames(parts)}.`;
    }
    case 'transfer': {
      const [from, to] = [await nameOf(step.fromId), await nameOf(step.toId)];
      if (step.fromId === step.toId) throw new UserError('validation', 'Đơn vị giao và đơn vị nhận nhiệm vụ phải khác nhau.');
      if (!versionAt(await versionsOf(trx, step.toId), on)) throw new UserError('validation', `${to} không hoạt động vào ngày ${formatIsoDate(on)}.`);
      const held = await trx.selectFrom('unit_duty').selectAll().where('unit_id', '=', step.fromId).where('duty', '=', step.duty).where('valid_to', 'is', null).executeTakeFirst();
      if (!held || held.valid_from > on) throw new UserError('validation', `${from} không phụ trách ${DUTIES[step.duty].toLowerCase()} vào ngày ${formatIsoDate(on)}.`);
      await closeDuty(trx, held, on);
      await trx.insertInto('unit_duty').values({ unit_id: step.toId, duty: step.duty, valid_from: on, valid_to: null, change_id: change.id }).execute();
      return `${to} tiếp nhận ${DUTIES[step.duty].toLowerCase()} từ ${from}.`;
    }
  }
}

function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} và ${names.at(-1)}`;
}

async function codeOf(trx: Trx, id: number): Promise<string> {
  return (await trx.selectFrom('org_unit').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
}

async function holdsDuty(trx: Trx, unitId: number, on: string): Promise<boolean> {
  const row = await trx.selectFrom('unit_duty').select('id').where('unit_id', '=', unitId).where('valid_from', '<=', on).where('valid_to', 'is', null).executeTakeFirst();
  return row !== undefined;
}

async function closeDuty(trx: Trx, duty: { id: number; valid_from: string }, on: string): Promise<void> {
  if (duty.valid_from === on) {
    // Given and passed on the same date (within this change): the short stretch never existed.
    await trx.deleteFrom('unit_duty').where('id', '=', duty.id).execute();
  } else {
    await trx.updateTable('unit_duty').set({ valid_to: on }).where('id', '=', duty.id).execute();
  }
}

/** A unit that ends passes its duties to its successor; with none, the change must transfer them first. */
async function handOverDuties(trx: Trx, unitId: number, successorId: number | null, on: string, change: Change, name: string): Promise<void> {
  const held = await trx.selectFrom('unit_duty').selectAll().where('unit_id', '=', unitId).where('valid_to', 'is', null).execute();
  for (const duty of held) {
    if (successorId === null) throw new UserError('validation', `${name} đang phụ trách ${DUTIES[duty.duty as Duty].toLowerCase()}; hãy chuyển giao nhiệm vụ này cho đơn vị khác trước khi giải thể.`);
    await closeDuty(trx, duty, on);
    if (!(await holdsDuty(trx, successorId, on))) {
      await trx.insertInto('unit_duty').values({ unit_id: successorId, duty: duty.duty, valid_from: on, valid_to: null, change_id: change.id }).execute();
    }
  }
}

async function insertUnit(trx: Trx, ctx: BackendContext, change: Change, given: NewUnit, role: Role): Promise<number> {
  const unit = { ...given, code: given.code || (await freeCode(trx, given)) };
  const dup = await trx.selectFrom('org_unit').select('id').where('code', '=', unit.code).executeTakeFirst();
  if (dup) throw new UserError('conflict', `Mã đơn vị "${unit.code}" đã được dùng.`);
  await checkParent(trx, null, unit.parentId, change.effectiveOn);
  const { id } = await trx
    .insertInto('org_unit')
    .values({ code: unit.code, kind: unit.kind, created_on: change.effectiveOn, dissolved_on: null, successor_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const eventId = await newEvent(trx, ctx, change, 'create', [{ id, role }]);
  await trx
    .insertInto('org_unit_version')
    .values({ unit_id: id, name: unit.name, short_name: null, parent_id: unit.parentId, valid_from: change.effectiveOn, valid_to: null, event_id: eventId })
    .execute();
  await audit(trx, ctx, { entity: 'unit', entityId: id, action: 'create', after: { ...unit, validFrom: change.effectiveOn } });
  return id;
}

/** A code for a new unit nobody typed one for: the parent's code and the name without diacritics. */
async function freeCode(trx: Trx, unit: NewUnit): Promise<string> {
  const prefix = unit.parentId ? `${await codeOf(trx, unit.parentId)}.` : '';
  const base = prefix + unitCodeFromName(unit.name);
  const taken = new Set((await trx.selectFrom('org_unit').select('code').where('code', 'like', `${base}%`).execute()).map((r) => r.code));
  for (let n = 1; ; n++) {
    const code = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(code)) return code;
  }
}

async function newEvent(trx: Trx, ctx: BackendContext, change: Change, kind: OrgEventKind, units: { id: number; role: Role }[]): Promise<number> {
  const { id } = await trx
    .insertInto('org_event')
    .values({ kind, effective_on: change.effectiveOn, note: change.note, created_at: nowIso(ctx), change_id: change.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const u of units) await trx.insertInto('org_event_unit').values({ event_id: id, unit_id: u.id, role: u.role }).onConflict((oc) => oc.doNothing()).execute();
  return id;
}

async function versionsOf(trx: Trx, unitId: number) {
  const rows = await trx
    .selectFrom('org_unit_version as v')
    .leftJoin('org_event as e', 'e.id', 'v.event_id')
    .selectAll('v')
    .select('e.change_id')
    .where('v.unit_id', '=', unitId)
    .orderBy('v.valid_from')
    .execute();
  if (rows.length === 0) throw notFound(`đơn vị số ${unitId}`);
  return rows.map((r) => ({ ...toVersion(r), id: r.id, shortName: r.short_name, changeId: r.change_id }));
}

/** The parent must exist on that date, and must not be the unit or one of its descendants. */
async function checkParent(trx: Trx, unitId: number | null, parentId: number | null, date: string): Promise<void> {
  if (parentId === null) return;
  let cursor: number | null = parentId;
  for (let depth = 0; cursor !== null && depth < 100; depth++) {
    const v: { parentId: number | null } | undefined = versionAt(await versionsOf(trx, cursor), date);
    if (!v) throw new UserError('validation', `Đơn vị cấp trên không còn hoạt động vào ngày ${formatIsoDate(date)}.`);
    if (cursor === unitId) throw new UserError('validation', 'Không thể đặt một đơn vị trực thuộc chính nó hoặc đơn vị cấp dưới của nó.');
    cursor = v.parentId;
  }
}

/**
 * Closes the unit's open version at the change's date and opens the next one (none: the unit
 * ends). A version this same change opened on this date is edited in place instead, so one
 * reorganisation can move a commune up from its district and then into the merged province.
 */
async function changeVersion(trx: Trx, ctx: BackendContext, change: Change, unitId: number, kind: OrgEventKind, next: { name?: string; parentId?: number | null } | null, eventUnits: { id: number; role: Role }[]): Promise<void> {
  const on = change.effectiveOn;
  const versions = await versionsOf(trx, unitId);
  const open = versions.find((v) => v.validTo === null);
  const sameChange = open && open.validFrom === on && open.changeId === change.id;
  if (!sameChange) {
    const check = checkChangeDate(versions, on);
    if (!check.ok) throw new UserError('validation', `Không thể thay đổi đơn vị "${versions.at(-1)!.name}": ${check.error}.`);
  }
  const current = open!;
  const after = next ? { name: next.name ?? current.name, parentId: next.parentId === undefined ? current.parentId : next.parentId } : null;
  if (sameChange) {
    if (after) await trx.updateTable('org_unit_version').set({ name: after.name, parent_id: after.parentId }).where('id', '=', current.id).execute();
    else if (versions.length > 1) await trx.deleteFrom('org_unit_version').where('id', '=', current.id).execute();
    else throw new UserError('validation', `Đơn vị "${current.name}" vừa được thành lập trong đợt này, không thể kết thúc ngay.`);
  } else {
    const eventId = await newEvent(trx, ctx, change, kind, eventUnits);
    await trx.updateTable('org_unit_version').set({ valid_to: on }).where('id', '=', current.id).execute();
    if (after) {
      await trx
        .insertInto('org_unit_version')
        .values({ unit_id: unitId, name: after.name, short_name: next?.name === undefined ? current.shortName : null, parent_id: after.parentId, valid_from: on, valid_to: null, event_id: eventId })
        .execute();
    }
  }
  await audit(trx, ctx, {
    entity: 'unit',
    entityId: unitId,
    action: kind,
    before: { name: current.name, parentId: current.parentId },
    after: after ? { ...after, effectiveOn: on } : { dissolvedOn: on },
    reason: change.note ?? undefined,
  });
}

async function endUnit(trx: Trx, ctx: BackendContext, change: Change, unitId: number, kind: OrgEventKind, eventUnits: { id: number; role: Role }[]): Promise<void> {
  await changeVersion(trx, ctx, change, unitId, kind, null, eventUnits);
  await trx.updateTable('org_unit').set({ dissolved_on: change.effectiveOn }).where('id', '=', unitId).execute();
}

async function moveChildren(trx: Trx, ctx: BackendContext, change: Change, childIds: readonly number[], parentId: number): Promise<void> {
  for (const child of childIds) {
    await checkParent(trx, child, parentId, change.effectiveOn);
    await changeVersion(trx, ctx, change, child, 'move', { parentId }, [{ id: child, role: 'subject' }]);
  }
}

async function activeChildren(trx: Trx, unitId: number, date: string): Promise<number[]> {
  const rows = await trx
    .selectFrom('org_unit_version')
    .select('unit_id')
    .where('parent_id', '=', unitId)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .execute();
  return rows.map((r) => r.unit_id);
}

// ---------------------------------------------------------------------------------------------
// The recorded changes, and undoing the latest

export async function listChanges(db: Db): Promise<OrgChangeDto[]> {
  const rows = await db.selectFrom('org_change').select(['id', 'kind', 'title', 'effective_on', 'note', 'created_at', 'created_by', 'undone_at']).orderBy('id', 'desc').execute();
  const latest = rows.find((r) => r.undone_at === null)?.id;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ChangeKind,
    title: r.title,
    effectiveOn: r.effective_on,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by,
    undoneAt: r.undone_at,
    undoable: r.id === latest,
  }));
}

/** Units a change created can only be removed again while nothing refers to them. */
async function referencesTo(trx: Trx, unitId: number): Promise<string | null> {
  const checks: [string, () => Promise<unknown>][] = [
    ['báo cáo', async () => (await revisionCount(trx, { unitId })) || undefined],
    ['kỳ báo cáo', () => trx.selectFrom('reporting_period').select('id').where('parent_unit_id', '=', unitId).executeTakeFirst()],
    ['chỉ tiêu', () => trx.selectFrom('measure').select('id').where('lead_unit_id', '=', unitId).executeTakeFirst()],
    ['chỉ tiêu', () => trx.selectFrom('measure_cooperating_unit').select('measure_id').where('unit_id', '=', unitId).executeTakeFirst()],
    ['nhiệm vụ', () => trx.selectFrom('task').select('id').where('lead_unit_id', '=', unitId).executeTakeFirst()],
    ['nhiệm vụ', () => trx.selectFrom('task_cooperating_unit').select('task_id').where('unit_id', '=', unitId).executeTakeFirst()],
    ['tệp đã nhập', () => trx.selectFrom('import_attempt').select('id').where('unit_id', '=', unitId).executeTakeFirst()],
  ];
  for (const [what, check] of checks) if (await check()) return what;
  return null;
}

export async function undoChange(db: Db, ctx: BackendContext, changeId: number): Promise<OrgChangeDto> {
  await db.transaction().execute(async (trx) => {
    const change = await trx.selectFrom('org_change').selectAll().where('id', '=', changeId).executeTakeFirst();
    if (!change) throw notFound(`thay đổi số ${changeId}`);
    if (change.undone_at) throw new UserError('conflict', `Thay đổi "${change.title}" đã được hoàn tác trước đó.`);
    const latest = await trx.selectFrom('org_change').select(['id', 'title']).where('undone_at', 'is', null).orderBy('id', 'desc').executeTakeFirstOrThrow();
    if (latest.id !== changeId) throw new UserError('conflict', `Chỉ hoàn tác được thay đổi gần nhất ("${latest.title}"). Hãy hoàn tác thay đổi đó trước.`);
    const snapshot = JSON.parse(change.snapshot_json) as OrgSnapshot;
    const known = new Set(snapshot.units.map((u) => u.id));
    const created = (await trx.selectFrom('org_unit').select(['id', 'code']).execute()).filter((u) => !known.has(u.id));
    for (const u of created) {
      const used = await referencesTo(trx, u.id);
      if (used) throw new UserError('conflict', `Không thể hoàn tác "${change.title}": đơn vị mới (mã ${u.code}) đã có ${used}. Hãy xóa hoặc chuyển ${used} đó trước.`);
    }
    await trx.deleteFrom('org_unit_version').execute();
    await trx.deleteFrom('org_succession').execute();
    await trx.deleteFrom('unit_duty').execute();
    await trx.deleteFrom('org_event').where('change_id', '=', changeId).execute();
    // Units that merged into a new unit point at it: restore them before removing it.
    for (const u of snapshot.units) await trx.updateTable('org_unit').set({ dissolved_on: u.dissolved_on, successor_id: u.successor_id }).where('id', '=', u.id).execute();
    for (const u of created) {
      await trx.deleteFrom('org_event_unit').where('unit_id', '=', u.id).execute();
      await trx.deleteFrom('org_unit').where('id', '=', u.id).execute();
    }
    for (const rows of chunks(snapshot.versions, 400)) await trx.insertInto('org_unit_version').values(rows).execute();
    for (const rows of chunks(snapshot.successions, 400)) await trx.insertInto('org_succession').values(rows).execute();
    for (const rows of chunks(snapshot.duties, 400)) await trx.insertInto('unit_duty').values(rows).execute();
    const by = await getSetting(trx, 'userName');
    await trx.updateTable('org_change').set({ undone_at: nowIso(ctx), undone_by: by }).where('id', '=', changeId).execute();
    await audit(trx, ctx, { entity: 'unit', entityId: null, action: 'undo change', before: { changeId, title: change.title, effectiveOn: change.effective_on }, reason: `Hoàn tác "${change.title}"` });
  });
  return (await listChanges(db)).find((c) => c.id === changeId)!;
}

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The single-unit actions of the Units screen: each is a one-step change

async function singleStep(db: Db, ctx: BackendContext, effectiveOn: string, title: string, note: string | undefined, step: ReorgStep): Promise<void> {
  await reorganise(db, ctx, { effectiveOn, title, note, steps: [step] });
}

async function currentName(db: Db, id: number, date: string): Promise<string> {
  return (await getUnit(db, id, date)).name;
}

export async function createUnit(db: Db, ctx: BackendContext, args: ApiParsedArgs<'unit-create'>): Promise<UnitDto> {
  const { validFrom, ...unit } = args;
  await singleStep(db, ctx, validFrom, `${CHANGE_KINDS.create} ${unit.name}`, undefined, { op: 'create', unit });
  const id = (await unitIdsByCode(db)).get(unit.code)!;
  return getUnit(db, id, validFrom);
}

export async function renameUnit(db: Db, ctx: BackendContext, args: ApiParsedArgs<'unit-rename'>): Promise<UnitDto> {
  const old = await currentName(db, args.id, args.effectiveOn);
  await singleStep(db, ctx, args.effectiveOn, `${CHANGE_KINDS.rename} ${old} thành ${args.name}`, args.note, { op: 'rename', unitId: args.id, name: args.name });
  return getUnit(db, args.id, args.effectiveOn);
}

export async function moveUnit(db: Db, ctx: BackendContext, args: ApiParsedArgs<'unit-move'>): Promise<UnitDto> {
  const name = await currentName(db, args.id, args.effectiveOn);
  await singleStep(db, ctx, args.effectiveOn, `Chuyển ${name} sang đơn vị cấp trên khác`, args.note, { op: 'move', unitIds: [args.id], parentId: args.parentId });
  return getUnit(db, args.id, args.effectiveOn);
}

export async function dissolveUnit(db: Db, ctx: BackendContext, args: ApiParsedArgs<'unit-dissolve'>): Promise<UnitDto> {
  const name = await currentName(db, args.id, args.effectiveOn);
  await singleStep(db, ctx, args.effectiveOn, `${CHANGE_KINDS.dissolve} ${name}`, args.note, { op: 'dissolve', unitId: args.id, childrenTo: null });
  return getUnit(db, args.id, args.effectiveOn);
}

/** Sources are dissolved into the target from the date; their children move under the target. */
export async function mergeUnits(db: Db, ctx: BackendContext, args: ApiParsedArgs<'unit-merge'>): Promise<UnitDto> {
  if (args.sourceIds.includes(args.targetId)) throw new UserError('validation', 'Đơn vị nhận sáp nhập không thể đồng thời là đơn vị bị sáp nhập.');
  const target = await currentName(db, args.targetId, args.effectiveOn);
  await singleStep(db, ctx, args.effectiveOn, `${CHANGE_KINDS.merge} vào ${target}`, args.note, { op: 'merge', sourceIds: args.sourceIds, into: { unitId: args.targetId } });
  return getUnit(db, args.targetId, args.effectiveOn);
}

export async function unitIdsByCode(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('org_unit').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Every unit's name on a date; a unit not alive then keeps its last name. */
export async function unitNamesOn(db: Db, date: string): Promise<Map<number, string>> {
  return new Map(await cachedRead(db, ['units'], `names:${date}`, () => readUnitNames(db, date)));
}

async function readUnitNames(db: Db, date: string): Promise<Map<number, string>> {
  const rows = await db.selectFrom('org_unit_version').select(['unit_id', 'name', 'valid_from', 'valid_to']).orderBy('valid_from').execute();
  const names = new Map<number, string>();
  const settled = new Set<number>();
  for (const r of rows) {
    if (settled.has(r.unit_id)) continue;
    names.set(r.unit_id, r.name);
    if (r.valid_from <= date && (r.valid_to === null || date < r.valid_to)) settled.add(r.unit_id);
  }
  return names;
}

/**
 * Organisation units with history. A change (rename, move, dissolve, merge) never rewrites
 * the past: it closes the current version at the effective date and opens a new one, so
 * anything dated before that date still resolves the unit's name and parent as they were.
 */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { OrgEventKind, UnitDto, UnitVersionDto } from '../../../shared/api/types';
import { checkChangeDate, formatIsoDate, versionAt, vietnamDate, type UnitKind } from '../../../shared/domain/org-units';
import type { Db } from '../db/connection';
import { nowIso, type BackendContext } from '../context';
import { UserError, notFound } from '../errors';
import { audit } from './audit';

type Trx = Db;

/** Today in Vietnam: deadlines and effective dates are Vietnamese calendar dates. */
export function todayIso(ctx: BackendContext): string {
  return vietnamDate(ctx.now());
}

export async function listUnits(db: Db, asOf: string, includeDissolved = false): Promise<UnitDto[]> {
  const units = await db.selectFrom('org_unit').selectAll().orderBy('code').execute();
  const versions = await db
    .selectFrom('org_unit_version as v')
    .leftJoin('org_event as e', 'e.id', 'v.event_id')
    .select(['v.unit_id', 'v.name', 'v.short_name', 'v.parent_id', 'v.valid_from', 'v.valid_to', 'e.kind as event_kind', 'e.note as event_note'])
    .orderBy('v.unit_id')
    .orderBy('v.valid_from')
    .execute();
  const byUnit = new Map<number, typeof versions>();
  for (const v of versions) {
    const list = byUnit.get(v.unit_id) ?? [];
    list.push(v);
    byUnit.set(v.unit_id, list);
  }
  const nameAt = (unitId: number, date: string): string | null => {
    const list = byUnit.get(unitId) ?? [];
    const v = versionAt(list.map(toVersion), date) ?? list.map(toVersion).at(-1);
    return v?.name ?? null;
  };
  const out: UnitDto[] = [];
  for (const u of units) {
    const raw = byUnit.get(u.id) ?? [];
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
    out.push({
      id: u.id,
      code: u.code,
      kind: u.kind as UnitKind,
      name: shown.name,
      parentId: shown.parentId,
      createdOn: u.created_on,
      dissolvedOn: u.dissolved_on,
      successorId: u.successor_id,
      successorName: u.successor_id === null ? null : nameAt(u.successor_id, u.dissolved_on ?? asOf),
      isSample: u.is_sample === 1,
      versions: history,
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

async function newEvent(trx: Trx, ctx: BackendContext, kind: OrgEventKind, effectiveOn: string, note: string | undefined, units: { id: number; role: 'subject' | 'source' | 'target' }[]): Promise<number> {
  const { id } = await trx
    .insertInto('org_event')
    .values({ kind, effective_on: effectiveOn, note: note || null, created_at: nowIso(ctx) })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const u of units) await trx.insertInto('org_event_unit').values({ event_id: id, unit_id: u.id, role: u.role }).execute();
  return id;
}

async function versionsOf(trx: Trx, unitId: number) {
  const rows = await trx.selectFrom('org_unit_version').selectAll().where('unit_id', '=', unitId).orderBy('valid_from').execute();
  if (rows.length === 0) throw notFound(`đơn vị số ${unitId}`);
  return rows.map((r) => ({ ...toVersion(r), id: r.id, shortName: r.short_name }));
}

/** The parent must exist on that date, and must not be the unit or one of its descendants. */
async function checkParent(trx: Trx, unitId: number | null, parentId: number | null, date: string): Promise<void> {
  if (parentId === null) return;
  let cursor: number | null = parentId;
  for (let depth = 0; cursor !== null && depth < 100; depth++) {
    const versions = await versionsOf(trx, cursor);
    const v = versionAt(versions, date);
    if (!v) throw new UserError('validation', `Đơn vị cấp trên không còn hoạt động vào ngày ${formatIsoDate(date)}.`);
    if (cursor === unitId) throw new UserError('validation', 'Không thể đặt một đơn vị trực thuộc chính nó hoặc đơn vị cấp dưới của nó.');
    cursor = v.parentId;
  }
}

export async function createUnit(db: Db, ctx: BackendContext, args: ApiParsedArgs<'unit-create'>): Promise<UnitDto> {
  const id = await db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom('org_unit').select('id').where('code', '=', args.code).executeTakeFirst();
    if (dup) throw new UserError('conflict', `Mã đơn vị "${args.code}" đã được dùng.`);
    await checkParent(trx, null, args.parentId, args.validFrom);
    const { id } = await trx
      .insertInto('org_unit')
      .values({ code: args.code, kind: args.kind, created_on: args.validFrom, dissolved_on: null, successor_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const eventId = await newEvent(trx, ctx, 'create', args.validFrom, undefined, [{ id, role: 'subject' }]);
    await trx
      .insertInto('org_unit_version')
      .values({ unit_id: id, name: args.name, short_name: null, parent_id: args.parentId, valid_from: args.validFrom, valid_to: null, event_id: eventId })
      .execute();
    await audit(trx, ctx, { entity: 'unit', entityId: id, action: 'create', after: args });
    return id;
  });
  return getUnit(db, id, args.validFrom);
}

/** Closes the unit's open version at `effectiveOn` and opens the next one (or none, when dissolving). */
async function changeVersion(
  trx: Trx,
  ctx: BackendContext,
  unitId: number,
  effectiveOn: string,
  kind: OrgEventKind,
  next: { name?: string; parentId?: number | null } | null,
  note: string | undefined,
  eventUnits: { id: number; role: 'subject' | 'source' | 'target' }[],
  existingEventId?: number,
): Promise<number> {
  const versions = await versionsOf(trx, unitId);
  const check = checkChangeDate(versions, effectiveOn);
  if (!check.ok) throw new UserError('validation', `Không thể thay đổi đơn vị "${versions.at(-1)!.name}": ${check.error}.`);
  const current = check.current;
  const eventId = existingEventId ?? (await newEvent(trx, ctx, kind, effectiveOn, note, eventUnits));
  await trx.updateTable('org_unit_version').set({ valid_to: effectiveOn }).where('id', '=', current.id).execute();
  if (next) {
    await trx
      .insertInto('org_unit_version')
      .values({
        unit_id: unitId,
        name: next.name ?? current.name,
        short_name: next.name === undefined ? current.shortName : null,
        parent_id: next.parentId === undefined ? current.parentId : next.parentId,
        valid_from: effectiveOn,
        valid_to: null,
        event_id: eventId,
      })
      .execute();
  }
  await audit(trx, ctx, {
    entity: 'unit',
    entityId: unitId,
    action: kind,
    before: { name: current.name, parentId: current.parentId },
    after: next ? { name: next.name ?? current.name, parentId: next.parentId === undefined ? current.parentId : next.parentId, effectiveOn } : { dissolvedOn: effectiveOn },
    reason: note,
  });
  return eventId;
}

export async function renameUnit(db: Db, ctx: BackendContext, args: ApiParsedArgs<'unit-rename'>): Promise<UnitDto> {
  await db.transaction().execute(async (trx) => {
    const versions = await versionsOf(trx, args.id);
    if (versions.at(-1)!.name === args.name) throw new UserError('validation', 'Tên mới trùng với tên hiện tại.');
    await changeVersion(trx, ctx, args.id, args.effectiveOn, 'rename', { name: args.name }, args.note, [{ id: args.id, role: 'subject' }]);
  });
  return getUnit(db, args.id, args.effectiveOn);
}

export async function moveUnit(db: Db, ctx: BackendContext, args: ApiParsedArgs<'unit-move'>): Promise<UnitDto> {
  await db.transaction().execute(async (trx) => {
    await checkParent(trx, args.id, args.parentId, args.effectiveOn);
    await changeVersion(trx, ctx, args.id, args.effectiveOn, 'move', { parentId: args.parentId }, args.note, [{ id: args.id, role: 'subject' }]);
  });
  return getUnit(db, args.id, args.effectiveOn);
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

export async function dissolveUnit(db: Db, ctx: BackendContext, args: ApiParsedArgs<'unit-dissolve'>): Promise<UnitDto> {
  await db.transaction().execute(async (trx) => {
    const children = await activeChildren(trx, args.id, args.effectiveOn);
    if (children.length > 0) {
      throw new UserError(
        'validation',
        `Đơn vị còn ${children.length} đơn vị trực thuộc vào ngày ${formatIsoDate(args.effectiveOn)}. Hãy chuyển các đơn vị này sang đơn vị khác, hoặc dùng "Sáp nhập" để chuyển cùng lúc.`,
      );
    }
    await changeVersion(trx, ctx, args.id, args.effectiveOn, 'dissolve', null, args.note, [{ id: args.id, role: 'subject' }]);
    await trx.updateTable('org_unit').set({ dissolved_on: args.effectiveOn }).where('id', '=', args.id).execute();
  });
  return getUnit(db, args.id, args.effectiveOn);
}

/** Sources are dissolved into the target from the date; their children move under the target. */
export async function mergeUnits(db: Db, ctx: BackendContext, args: ApiParsedArgs<'unit-merge'>): Promise<UnitDto> {
  if (args.sourceIds.includes(args.targetId)) throw new UserError('validation', 'Đơn vị nhận sáp nhập không thể đồng thời là đơn vị bị sáp nhập.');
  await db.transaction().execute(async (trx) => {
    const target = versionAt(await versionsOf(trx, args.targetId), args.effectiveOn);
    if (!target) throw new UserError('validation', `Đơn vị nhận sáp nhập không hoạt động vào ngày ${formatIsoDate(args.effectiveOn)}.`);
    const eventId = await newEvent(trx, ctx, 'merge', args.effectiveOn, args.note, [
      ...args.sourceIds.map((id) => ({ id, role: 'source' as const })),
      { id: args.targetId, role: 'target' as const },
    ]);
    for (const sourceId of args.sourceIds) {
      for (const child of await activeChildren(trx, sourceId, args.effectiveOn)) {
        await changeVersion(trx, ctx, child, args.effectiveOn, 'move', { parentId: args.targetId }, args.note, [], eventId);
      }
      await changeVersion(trx, ctx, sourceId, args.effectiveOn, 'merge', null, args.note, [], eventId);
      await trx.updateTable('org_unit').set({ dissolved_on: args.effectiveOn, successor_id: args.targetId }).where('id', '=', sourceId).execute();
    }
  });
  return getUnit(db, args.targetId, args.effectiveOn);
}

export async function unitIdsByCode(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('org_unit').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

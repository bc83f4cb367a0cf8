/**
 * Settings of the official document. The bodies, symbol, place and recipients follow the period:
 * a 2024 report is issued by the unit that held child affairs then (Sở Lao động - Thương binh và
 * Xã hội of Kon Tum), a 2026 one by the unit holding it in 2026 (Sở Y tế of Quảng Ngãi). What a
 * user changes (signer, recipients…) is kept per issuing unit, and used for that unit next time.
 */
import type { DocumentSettings } from '../../../shared/api/types';
import { versionAt, vietnamDate } from '../../../shared/domain/org-units';
import { documentSymbol } from '../../../shared/domain/reorganisation';
import type { Db } from '../db/connection';
import type { BackendContext } from '../context';
import { getPeriod } from './periods';
import { getSettings } from './settings';
import { dutyHolder, listUnits, ministryFor } from './units';

/** Before documents followed the period, one set was kept for everything under this key. */
const LEGACY_KEY = 'document';

async function issuerOf(db: Db, periodId: number) {
  const period = await getPeriod(db, periodId);
  const units = await listUnits(db, period.dataTo, true);
  const holder = period.parentUnitId === null ? null : dutyHolder(units, period.parentUnitId, 'child_affairs', period.dataTo);
  const ministry = ministryFor(units, 'child_affairs', period.dataTo);
  const nameOn = (u: (typeof units)[number]) => versionAt(u.versions, period.dataTo)?.name ?? u.name;
  // A district compiles through its own office (no unit of the tree holds the duty under it); it reports to the province's department.
  const parent = units.find((u) => u.id === period.parentUnitId);
  const local = !holder && parent && parent.kind === 'district' ? parent : null;
  const above = local && local.parentId !== null ? dutyHolder(units, local.parentId, 'child_affairs', period.dataTo) : null;
  return {
    period,
    key: holder ? `document:${holder.id}` : local ? `document:local:${local.id}` : LEGACY_KEY,
    issuer: holder ? nameOn(holder) : null,
    ministry: ministry ? nameOn(ministry) : null,
    local: local ? { name: nameOn(local), reportsTo: above ? nameOn(above) : null } : null,
  };
}

/** The district office for child affairs: Phòng Lao động - Thương binh và Xã hội until the 2025 reorganisation. */
function districtOffice(dataTo: string): string {
  return dataTo < '2025-03-01' ? 'Phòng Lao động - Thương binh và Xã hội' : 'Phòng Văn hóa - Xã hội';
}

export async function documentSettings(db: Db, ctx: BackendContext, periodId: number): Promise<DocumentSettings> {
  const { period, key, issuer, ministry, local } = await issuerOf(db, periodId);
  const settings = await getSettings(db);
  const saved = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  const stored = saved ? (JSON.parse(saved.value) as Partial<DocumentSettings>) : {};
  const place = (period.parentUnitName ?? settings.place).replace(/^(Tỉnh|Thành phố|Huyện|Xã|Phường)\s+/i, '') || settings.place;
  const issuingBody = issuer ?? (local ? districtOffice(period.dataTo) : settings.organisationName || 'Sở Lao động - Thương binh và Xã hội');
  return {
    parentBody: period.parentUnitName ? `UBND ${period.parentUnitName}`.toUpperCase() : '',
    issuingBody,
    symbol: documentSymbol(issuingBody),
    number: '',
    place,
    authority: local ? 'KT. TRƯỞNG PHÒNG' : 'KT. GIÁM ĐỐC',
    signerTitle: local ? 'PHÓ TRƯỞNG PHÒNG' : 'PHÓ GIÁM ĐỐC',
    signerName: '',
    recipients: local
      ? [`${local.reportsTo ?? 'Sở Lao động - Thương binh và Xã hội'} (b/c);`, `UBND ${local.name} (b/c);`, 'Lưu: VT.']
      : [`${ministry ?? 'Bộ Lao động - Thương binh và Xã hội'} (b/c);`, 'UBND tỉnh (b/c);', 'Lưu: VT.'],
    ...stored,
    // Per report: the date is today's and the subject names the period.
    date: vietnamDate(ctx.now()),
    subject: `Kết quả thực hiện công tác trẻ em ${period.name.charAt(0).toLowerCase()}${period.name.slice(1)}`,
  };
}

/** Keeps what the user set for the period's issuing unit (not the date, subject or number) for next time. */
export async function saveDocumentSettings(db: Db, periodId: number, doc: DocumentSettings): Promise<DocumentSettings> {
  const { key } = await issuerOf(db, periodId);
  const { date: _date, subject: _subject, number: _number, ...kept } = doc;
  void _date;
  void _subject;
  void _number;
  const value = JSON.stringify(kept);
  await db.insertInto('setting').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  return doc;
}

/** Settings of the official document: kept per organisation, filled in per report. */
import type { DocumentSettings } from '../../../shared/api/types';
import { vietnamDate } from '../../../shared/domain/org-units';
import type { Db } from '../db/connection';
import type { BackendContext } from '../context';
import { getPeriod } from './periods';
import { getSettings } from './settings';

const KEY = 'document';

export async function documentSettings(db: Db, ctx: BackendContext, periodId: number): Promise<DocumentSettings> {
  const period = await getPeriod(db, periodId);
  const settings = await getSettings(db);
  const saved = await db.selectFrom('setting').select('value').where('key', '=', KEY).executeTakeFirst();
  const stored = saved ? (JSON.parse(saved.value) as Partial<DocumentSettings>) : {};
  const place = settings.place || (period.parentUnitName ?? '').replace(/^(Tỉnh|Thành phố|Huyện|Xã|Phường)\s+/i, '');
  return {
    parentBody: period.parentUnitName ? `UBND ${period.parentUnitName}`.toUpperCase() : '',
    issuingBody: settings.organisationName || 'Sở Lao động - Thương binh và Xã hội',
    symbol: 'BC-SLĐTBXH',
    number: '',
    place,
    authority: 'KT. GIÁM ĐỐC',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signerName: '',
    recipients: ['Bộ Lao động - Thương binh và Xã hội (b/c);', 'UBND tỉnh (b/c);', 'Lưu: VT.'],
    ...stored,
    // Per report: the date is today's and the subject names the period.
    date: vietnamDate(ctx.now()),
    subject: `Kết quả thực hiện công tác trẻ em ${period.name.charAt(0).toLowerCase()}${period.name.slice(1)}`,
  };
}

/** Keeps the organisation's part (bodies, symbol, place, signer, recipients) for next time. */
export async function saveDocumentSettings(db: Db, doc: DocumentSettings): Promise<DocumentSettings> {
  const { date: _date, subject: _subject, number: _number, ...kept } = doc;
  void _date;
  void _subject;
  void _number;
  const value = JSON.stringify(kept);
  await db.insertInto('setting').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  return doc;
}

import { buildReminderLetter } from '../pdf/reminder-letter';
import { deleteReminderRecord, owingUnits, recordReminder, reminderList } from '../services/reminders';
import { fileSafeName } from '../../../shared/domain/file-names';
import { auditExport, signAsAuthorities } from './merge';
import type { HandlerSlice } from './types';
import { UserError } from '../errors';

export const reminderHandlers: HandlerSlice<'reminder-list' | 'reminder-record' | 'reminder-delete' | 'reminder-letter'> = {
  'reminder-list': async (args, ctx) => reminderList(ctx.db, ctx, args),
  'reminder-record': async ({ periodId, unitIds }, ctx) => recordReminder(ctx.db, ctx, { periodId, chosen: owingUnits(await reminderList(ctx.db, ctx, { periodId }), unitIds), channel: 'message' }),
  'reminder-delete': async ({ id }, ctx) => deleteReminderRecord(ctx.db, ctx, id),
  'reminder-letter': async ({ periodId, unitIds, newDueOn, contact, document, sign }, ctx) => {
    const list = await reminderList(ctx.db, ctx, { periodId, newDueOn });
    const units = owingUnits(list, unitIds);
    if (newDueOn < list.today) throw new UserError('validation', 'Hạn mới phải từ hôm nay trở đi.');
    const { pdf } = await buildReminderLetter({ period: list.period, compiledBy: document.issuingBody || (list.period.parentUnitName ?? ''), units, newDueOn, contact: contact.trim() }, document);
    const signed = sign ? await signAsAuthorities(ctx, pdf, sign, document, document.subject) : null;
    const fileName = fileSafeName(`Cong van don doc - ${list.period.name}${signed ? ' (da ky so)' : ''}.pdf`);
    const reminder = await recordReminder(ctx.db, ctx, { periodId, chosen: units, channel: 'letter', documentNumber: document.number.trim() || null, newDueOn });
    await auditExport(ctx, periodId, signed ? 'signed reminder letter pdf' : 'reminder letter pdf', fileName, { units: units.length });
    return { fileName, dataBase64: (signed?.pdf ?? pdf).toString('base64'), signedBy: signed ? signed.signedBy.join(', ') : null, reminder };
  },
};

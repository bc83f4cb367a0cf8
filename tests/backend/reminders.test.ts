/**
 * Nhắc đơn vị on the demo's Kon Tum 2024 annual report (deadline 05/12/2024), three days before
 * it: who owes what (measures and tasks, or a refused file's errors), the messages, the công văn
 * đôn đốc as an NĐ 30 letter read back with pdftotext, and the reminders recorded per unit.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import type { PeriodStatus } from '../../shared/api/types';
import { ARTIFACTS } from '../e2e-web/fixtures';
import { call, callError, tempDir, testBackend } from '../helpers/backend';
import { opensslP12 } from '../helpers/certificates';
import { fillTemplate, type Fill } from '../helpers/fill-template';
import { hasPoppler, noPoppler } from '../helpers/merge-pdf';

if (!hasPoppler) console.log(`[reminders] ${noPoppler}`);

describe('reminding the units that owe a report', () => {
  let backend: Backend;
  let periodId: number;
  let status: PeriodStatus;
  const unit = (name: string) => status.units.find((u) => u.unitName === name)!;
  const send = async (unitName: string, fills: Record<string, Fill>) => {
    const t = await call(backend, 'template-build', { periodId, unitId: unit(unitName).unitId });
    const bytes = fillTemplate(Buffer.from(t.dataBase64, 'base64'), fills);
    return (await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: bytes.toString('base64') }], periodId }))[0]!;
  };

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-02T02:00:00Z') });
    await call(backend, 'settings-set', { userName: 'Nguyễn Thị Lan', organisationName: '', place: 'Kon Tum' });
    periodId = (await call(backend, 'period-list', {})).find((p) => p.name === 'Năm 2024' && p.parentUnitName === 'Tỉnh Kon Tum')!.id;
    status = (await call(backend, 'period-status', { id: periodId }))!;
    expect((await send('Huyện Kon Rẫy', { '1.1': { G: 5 }, '1.2': { E: 10, F: 20 } })).outcome).toBe('imported');
    expect((await send('Huyện Sa Thầy', { '1.1': { G: 4 }, '1.2': { E: 'mười', F: 20 } })).outcome).toBe('rejected');
    status = (await call(backend, 'period-status', { id: periodId }))!;
  }, 60_000);
  afterAll(() => backend.close());

  it('lists from five days before the deadline the units that sent nothing or a refused file, with what each owes', async () => {
    const list = await call(backend, 'reminder-list', { periodId });
    expect(list).toMatchObject({ today: '2024-12-02', remindDaysBefore: 5, dueOn: '2024-12-05', daysLeft: 3, open: true });
    const names = list.units.map((u) => u.unitName);
    // 12 units report; Kon Rẫy's file came; the others owe it.
    expect(names).toHaveLength(11);
    expect(names).not.toContain('Huyện Kon Rẫy');
    const saThay = list.units.find((u) => u.unitName === 'Huyện Sa Thầy')!;
    expect(saThay).toMatchObject({ status: 'has_errors', errors: [expect.stringMatching(/^Chỉ tiêu 1\.2 .*ô E\d+/)] });
    expect(saThay.message).toContain('chưa nhận được vì có 1 lỗi');
    const glei = list.units.find((u) => u.unitName === 'Huyện Đắk Glei')!;
    const owed = unit('Huyện Đắk Glei').owes;
    expect(glei.status).toBe('missing');
    expect(glei.owes).toEqual(owed);
    expect(glei.owedText).toBe(`${owed.measures.length} chỉ tiêu (${owed.measures.slice(0, 12).join(', ')}${owed.measures.length > 12 ? ` và ${owed.measures.length - 12} mục khác` : ''})${owed.tasks.length ? ` và ${owed.tasks.length} nhiệm vụ (${owed.tasks.join(', ')})` : ''}`);
    expect(glei.message).toBe(
      [
        'Kính gửi Huyện Đắk Glei,',
        '',
        'Đến ngày 02/12/2024, Sở Lao động - Thương binh và Xã hội chưa nhận được báo cáo Năm 2024 của đơn vị (hạn nộp 05/12/2024).',
        `Báo cáo gồm ${glei.owedText}, điền vào biểu mẫu đã gửi.`,
        'Đề nghị đơn vị gửi báo cáo trước ngày 05/12/2024.',
        '',
        'Trân trọng.',
      ].join('\n'),
    );
    // Not yet in the window: ten days before, with the default of five.
    expect((await call(backend, 'reminder-list', { periodId, today: '2024-11-25' })).open).toBe(false);
    expect(list.letter.document).toMatchObject({ number: '', date: '2024-12-02', symbol: 'SLĐTBXH', subject: 'V/v đôn đốc báo cáo năm 2024' });
    expect(list.letter.newDueOn).toBe('2024-12-05');
  });

  it('writes the công văn đôn đốc in the NĐ 30 letter layout, and records who was reminded, when and of what', async () => {
    const list = await call(backend, 'reminder-list', { periodId });
    const chosen = list.units.filter((u) => ['Huyện Sa Thầy', 'Huyện Đắk Glei'].includes(u.unitName));
    const doc = { ...list.letter.document, number: '7', date: '2024-12-02', signerName: 'Trần Văn Bình' };
    const f = await call(backend, 'reminder-letter', { periodId, unitIds: chosen.map((u) => u.unitId), newDueOn: '2024-12-09', contact: 'Phòng Bảo vệ, chăm sóc trẻ em, điện thoại 0260 3 862 123', document: doc });
    expect(f.fileName).toBe('Cong van don doc - Năm 2024.pdf');
    expect(f.reminder).toMatchObject({ channel: 'letter', sentBy: 'Nguyễn Thị Lan', documentNumber: '7', newDueOn: '2024-12-09' });
    expect(f.reminder.units.map((u) => u.unitName).sort()).toEqual(['Huyện Sa Thầy', 'Huyện Đắk Glei'].sort());
    if (!hasPoppler) return;
    const file = path.join(tempDir(), 'cong-van.pdf');
    fs.writeFileSync(file, Buffer.from(f.dataBase64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 07/SLĐTBXH',
      'V/v đôn đốc báo cáo năm 2024',
      'Kon Tum, ngày 02 tháng 12 năm 2024',
      'Kính gửi: - Huyện Đắk Glei; - Huyện Sa Thầy.',
      'Đến ngày 02/12/2024, Sở Lao động - Thương binh và Xã hội chưa nhận được báo cáo hợp lệ của 2 đơn vị',
      'Tệp gửi có lỗi',
      'Sửa 1 lỗi rồi gửi lại',
      `Báo cáo gồm ${chosen.find((u) => u.unitName === 'Huyện Đắk Glei')!.owedText}`,
      'gửi báo cáo trước ngày 09/12/2024. Thông tin chi tiết xin liên hệ: Phòng Bảo vệ, chăm sóc trẻ em, điện thoại 0260 3 862 123.',
      'Nơi nhận: - Huyện Đắk Glei; - Huyện Sa Thầy;',
      'Trần Văn Bình',
    ]) expect(text).toContain(s);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(1);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(ARTIFACTS, 'pdf-cong-van')]);

    // The messages sent to the others, then the history: per unit, when reminded and when its file came.
    const others = list.units.filter((u) => u.unitName === 'Huyện Ia H’Drai');
    await call(backend, 'reminder-record', { periodId, unitIds: others.map((u) => u.unitId) });
    const after = await call(backend, 'reminder-list', { periodId });
    expect(after.history.map((h) => h.channel)).toEqual(['message', 'letter']);
    expect(after.units.find((u) => u.unitName === 'Huyện Sa Thầy')!.reminded).toEqual([{ at: '2024-12-02T02:00:00.000Z', channel: 'letter' }]);
    expect(after.timeline.find((t) => t.unitName === 'Huyện Kon Rẫy')).toMatchObject({ reminded: [], firstReceived: '2024-12-02T02:00:00.000Z' });
    expect(after.timeline.find((t) => t.unitName === 'Huyện Ia H’Drai')).toMatchObject({ reminded: ['2024-12-02T02:00:00.000Z'], firstReceived: null });
    // A message recorded by mistake is taken back; the trail keeps both.
    await call(backend, 'reminder-delete', { id: after.history[0]!.id });
    const back = await call(backend, 'reminder-list', { periodId });
    expect(back.history.map((h) => h.channel)).toEqual(['letter']);
    expect(back.timeline.find((t) => t.unitName === 'Huyện Ia H’Drai')!.reminded).toEqual([]);
    expect((await callError(backend, 'reminder-delete', { id: after.history[0]!.id })).message).toContain(`lần nhắc số ${after.history[0]!.id}`);
    const trail = backend.database.raw.prepare("SELECT action FROM audit_log WHERE entity = 'reminder' ORDER BY id").all();
    expect(trail).toEqual([{ action: 'remind by letter' }, { action: 'remind by message' }, { action: 'delete' }]);
  });

  it('refuses a unit that owes nothing, and a new deadline in the past, in Vietnamese', async () => {
    const list = await call(backend, 'reminder-list', { periodId });
    const doc = list.letter.document;
    expect((await callError(backend, 'reminder-record', { periodId, unitIds: [unit('Huyện Kon Rẫy').unitId] })).message).toContain('không còn nợ báo cáo kỳ "Năm 2024"');
    expect((await callError(backend, 'reminder-letter', { periodId, unitIds: [list.units[0]!.unitId], newDueOn: '2024-11-30', contact: '', document: doc })).message).toBe('Hạn mới phải từ hôm nay trở đi.');
    expect((await callError(backend, 'reminder-letter', { periodId, unitIds: [], newDueOn: '2024-12-09', contact: '', document: doc })).message).toBe('Chưa chọn đơn vị nào.');
  });
});

describe('a signed công văn đôn đốc', () => {
  it('signs the công văn like the report: the signer, then the organisation, both intact', async () => {
    const dir = tempDir();
    const signer = { p12Base64: opensslP12(dir, '/CN=Trần Văn Bình/O=Sở Lao động - Thương binh và Xã hội', 'mk1').toString('base64'), password: 'mk1' };
    const organisation = { p12Base64: opensslP12(dir, '/CN=Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum/O=UBND tỉnh Kon Tum', 'mk2').toString('base64'), password: 'mk2' };
    // Certificates made now are valid from now: this backend's clock is the machine's, on the 2026 report of the merged province.
    const backend = await testBackend({ demo: true });
    const periodId = (await call(backend, 'period-list', {})).find((p) => p.name === 'Năm 2026')!.id;
    const list = await call(backend, 'reminder-list', { periodId });
    const f = await call(backend, 'reminder-letter', { periodId, unitIds: [list.units[0]!.unitId], newDueOn: list.letter.newDueOn, contact: '', document: { ...list.letter.document, number: '8', signerName: 'Trần Văn Bình' }, sign: { signer, organisation } });
    expect(f.fileName).toBe('Cong van don doc - Năm 2026 (da ky so).pdf');
    expect(f.signedBy).toBe('Trần Văn Bình, Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum');
    const checks = await call(backend, 'pdf-verify', { fileName: f.fileName, dataBase64: f.dataBase64 });
    expect(checks.map((c) => [c.role, c.commonName, c.intact, c.problems])).toEqual([
      ['signer', 'Trần Văn Bình', true, []],
      ['organisation', 'Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum', true, []],
    ]);
    await backend.close();
  }, 60_000);
});

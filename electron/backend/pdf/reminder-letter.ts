/**
 * The công văn đôn đốc (NĐ 30/2020, Phụ lục III, mẫu 1.4 công văn): the header with the number
 * and "V/v đôn đốc báo cáo …" under it, "Kính gửi" the units, what each still owes as a table,
 * the new deadline, "Nơi nhận" (those units, then the office's own lines), signed like the report.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentSettings, OwingUnit, PeriodDto } from '../../../shared/api/types';
import { formatIsoDate } from '../../../shared/domain/org-units';
import { TABLE_LINES, closingBlock, documentHeader, documentPage, layOutDocument, paragraph as para } from './submission-pdf';
import type { SigningLayout } from './signature-placement';

export interface ReminderLetter {
  period: PeriodDto;
  /** The compiling unit, as the letter names it ("Sở Y tế"). */
  compiledBy: string;
  units: OwingUnit[];
  newDueOn: string;
  /** Whom to call about it ("Phòng Bảo trợ xã hội, điện thoại 0260 3 862 123"), or ''. */
  contact: string;
}

/** A period's name inside a sentence: "Năm 2024" → "năm 2024". */
const inSentence = (name: string) => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;

/** "V/v đôn đốc báo cáo năm 2024" — the letter's subject line under its number. */
export function letterSubject(periodName: string): string {
  return `V/v đôn đốc báo cáo ${inSentence(periodName)}`;
}

export function reminderLetterDocument(letter: ReminderLetter, doc: DocumentSettings): TDocumentDefinitions {
  const { period, units } = letter;
  const late = units.some((u) => u.late);
  const dues = [...new Set(units.map((u) => u.dueOn))].sort().map(formatIsoDate).join(', ');
  const head = (t: string): TableCell => ({ text: t, bold: true, alignment: 'center', fontSize: 12 });
  const body: TableCell[][] = [[head('TT'), head('Đơn vị'), head('Tình trạng'), head('Nội dung còn thiếu')]];
  units.forEach((u, i) => {
    body.push([
      { text: String(i + 1), alignment: 'center', fontSize: 12 },
      { text: u.unitName, fontSize: 12 },
      { text: u.status === 'missing' ? (u.late ? 'Chưa gửi, quá hạn' : 'Chưa gửi') : 'Tệp gửi có lỗi', fontSize: 12 },
      u.status === 'missing'
        ? { text: `Báo cáo gồm ${u.owedText}`, fontSize: 12 }
        : { stack: [{ text: `Sửa ${u.errors.length} lỗi rồi gửi lại:`, fontSize: 12 }, ...u.errors.slice(0, 8).map((e) => ({ text: `- ${e}`, fontSize: 11 })), ...(u.errors.length > 8 ? [{ text: `- và ${u.errors.length - 8} lỗi khác (đã gửi kèm danh sách)`, fontSize: 11, italics: true }] : [])] },
    ]);
  });
  const recipients = [...units.map((u) => `${u.unitName};`), ...doc.recipients.filter((r) => /^-?\s*Lưu\b/i.test(r))];
  if (!recipients.some((r) => /Lưu/i.test(r))) recipients.push('Lưu: VT.');
  const content: Content[] = [
    documentHeader(doc, letterSubject(period.name)),
    {
      margin: [0, 16, 0, 10],
      columns: [
        { width: 'auto', text: 'Kính gửi:', margin: [40, 0, 8, 0] },
        units.length === 1 ? { width: '*', text: `${units[0]!.unitName}.` } : { width: '*', stack: units.map((u, i) => ({ text: `- ${u.unitName}${i === units.length - 1 ? '.' : ';'}` })) },
      ],
    },
    para(`Thực hiện chế độ báo cáo ${inSentence(period.name)} (${period.planTitle}), ${letter.compiledBy} đã đề nghị các đơn vị gửi báo cáo theo biểu mẫu (hạn nộp ${dues}).`),
    para(`Đến ngày ${formatIsoDate(doc.date)}, ${letter.compiledBy} chưa nhận được báo cáo hợp lệ của ${units.length} đơn vị${late ? ', trong đó có đơn vị đã quá hạn' : ''}, cụ thể như sau:`),
    { table: { headerRows: 1, dontBreakRows: true, widths: [28, 130, 80, '*'], body }, layout: TABLE_LINES, margin: [0, 0, 0, 8] },
    para(`Để kịp tổng hợp báo cáo theo quy định, ${letter.compiledBy} đề nghị các đơn vị nêu trên khẩn trương hoàn thành và gửi báo cáo trước ngày ${formatIsoDate(letter.newDueOn)}.${letter.contact ? ` Thông tin chi tiết xin liên hệ: ${letter.contact}.` : ''}`),
    para(`${letter.compiledBy} đề nghị các đơn vị quan tâm, phối hợp thực hiện./.`),
    closingBlock(doc, recipients),
  ];
  return { ...documentPage(doc, letterSubject(period.name)), content };
}

export async function buildReminderLetter(letter: ReminderLetter, doc: DocumentSettings): Promise<{ pdf: Buffer; layout: SigningLayout }> {
  if (!letter.units.length) throw new Error('a reminder letter needs at least one unit');
  return layOutDocument(reminderLetterDocument(letter, doc), doc);
}

/**
 * The submission as an official report (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4 portrait body,
 * two-column header, title and subject, narrative sections, "Nơi nhận" and the signature block,
 * then the indicator appendix in landscape with repeated header rows and page numbers from
 * page 2.
 */
import pdfmake from 'pdfmake';
import PDFKit from 'pdfkit';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocumentSettings, MergeRow, MergeView } from '../../../shared/api/types';
import { sectionBreaks, withoutBreakdownText } from '../../../shared/api/merge-text';
import { comboLabel, deriveTotal } from '../../../shared/domain/breakdown';
import { catalogueTag } from '../../../shared/domain/catalogue';
import { TASK_STATUSES } from '../../../shared/domain/task-status';
import { documentDateLine, documentNumber } from '../../../shared/domain/documents';
import { ASSESSMENTS } from '../../../shared/domain/rollup';
import { formatVnNumber } from '../../../shared/domain/vn-number';
import { documentFonts } from './fonts';

const MM = 72 / 25.4;
/** Margins: left 30 mm, top 20 mm, right 15 mm, bottom 20 mm. */
const MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
const BODY = 14;
/** A4 portrait between the margins. */
const CONTENT_WIDTH = 210 * MM - MARGINS[0] - MARGINS[2];
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

let configured: string | null = null;
function configure(): void {
  const f = documentFonts();
  if (configured === f.normal) return;
  const allowed = new Set([f.normal, f.bold, f.italics, f.bolditalics]);
  pdfmake.setFonts({ Serif: { normal: f.normal, bold: f.bold, italics: f.italics, bolditalics: f.bolditalics } });
  // Nothing from the network, and from the disk only the font files.
  (pdfmake as unknown as { setUrlAccessPolicy(cb: (url: string) => boolean): void }).setUrlAccessPolicy(() => false);
  (pdfmake as unknown as { setLocalAccessPolicy(cb: (p: string) => boolean): void }).setLocalAccessPolicy((p) => allowed.has(p));
  configured = f.normal;
}

let measurer: { file: string; doc: PDFKit.PDFDocument } | null = null;

/** The width in points of one line of text in the document's font (pdfkit measures it with the same font file pdfmake embeds). */
export function textWidth(text: string, size: number, bold: boolean): number {
  const fonts = documentFonts();
  const file = bold ? fonts.bold : fonts.normal;
  if (!measurer || measurer.file !== file) measurer = { file, doc: new PDFKit({ autoFirstPage: false }) };
  return measurer.doc.font(file).fontSize(size).widthOfString(text);
}

/**
 * NĐ 30/2020 Phụ lục I: under the issuing body and under the subject, a rule 1/3 to 1/2 as long
 * as the line of text (here 2/5 of the longest line, the text wrapping at `columnWidth`); under
 * the motto, as long as the motto.
 */
export function ruleUnder(text: string, size: number, bold: boolean, columnWidth: number, share = 0.4): number {
  const longest = Math.max(...text.split('\n').map((line) => Math.min(textWidth(line, size, bold), columnWidth)));
  return Math.round(longest * share * 10) / 10;
}

/** A short rule centred under a line of text. */
const rule = (width: number): Content => ({
  columns: [{ width: '*', text: '' }, { width, canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.6 }] }, { width: '*', text: '' }],
  margin: [0, 3, 0, 4],
});

function paragraphs(text: string): Content[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p, alignment: 'justify' as const, leadingIndent: 1.27 * 10 * MM, margin: [0, 0, 0, 6] as [number, number, number, number] }));
}

export interface SignatureStamp {
  signer: string;
  organisation: string | null;
  /** ISO 8601, Vietnam time. */
  time: string;
}

/** The stamp's blue: its frame is found by this colour after layout. */
const STAMP_COLOR = '#1f4fa8';

/** The visible stamp of a digital signature, in the room left for signing. */
function stampBox(stamp: SignatureStamp): Content {
  return {
    table: {
      widths: [190],
      body: [
        [
          {
            stack: [
              { text: 'Đã ký số', bold: true, fontSize: 11, color: '#1f4fa8' },
              { text: `Người ký: ${stamp.signer}`, fontSize: 10, color: '#1f4fa8' },
              ...(stamp.organisation ? [{ text: `Cơ quan: ${stamp.organisation}`, fontSize: 10, color: '#1f4fa8' }] : []),
              { text: `Thời gian ký: ${stamp.time}`, fontSize: 10, color: '#1f4fa8' },
            ],
            alignment: 'center' as const,
          },
        ],
      ],
    },
    layout: { hLineColor: () => STAMP_COLOR, vLineColor: () => STAMP_COLOR, hLineWidth: () => 0.8, vLineWidth: () => 0.8 },
    margin: [20, 6, 0, 6],
  } as Content;
}

export function submissionDocument(view: MergeView, doc: DocumentSettings, stamp?: SignatureStamp): TDocumentDefinitions {
  const number = documentNumber(doc.number, doc.symbol);
  const met = view.rows.filter((r) => r.assessment === 'met').length;
  const notMet = view.rows.filter((r) => r.assessment === 'not_met').length;
  const noData = view.rows.filter((r) => r.assessment === 'no_data').length;
  const notApplicable = view.rows.filter((r) => r.assessment === 'not_applicable').length;
  // The appendices: the indicators, then the tasks, numbered I, II when there are both.
  const hasMeasures = view.rows.length > 0;
  const hasTasks = view.tasks.length > 0;
  const indicatorAnnex = hasMeasures && hasTasks ? 'Phụ lục I' : 'Phụ lục';
  const taskAnnex = hasMeasures && hasTasks ? 'Phụ lục II' : 'Phụ lục';
  const c = view.taskCounts;
  const summary =
    `Tổng hợp từ báo cáo của ${view.completeness.reported}/${view.completeness.expected} đơn vị` +
    (hasMeasures ? `, kết quả thực hiện ${view.rows.length} chỉ tiêu: ${met} chỉ tiêu đạt, ${notMet} chỉ tiêu chưa đạt, ${noData} chỉ tiêu chưa có số liệu${notApplicable ? `, ${notApplicable} chỉ tiêu không phát sinh` : ''} (chi tiết tại ${indicatorAnnex} kèm theo)` : '') +
    (hasTasks
      ? `${hasMeasures ? ';' : ','} thực hiện ${view.tasks.length} nhiệm vụ: ${c.done} đã hoàn thành, ${c.in_progress} đang thực hiện, ${c.not_started} chưa thực hiện, ${c.not_applicable} không phát sinh` +
        `${c.no_report ? `, ${c.no_report} chưa có báo cáo${view.tasks.every((t) => t.statusFrom === 'lead') ? ' của đơn vị chủ trì' : ''}` : ''} (chi tiết tại ${taskAnnex} kèm theo)`
      : '') +
    '.' +
    (view.missingText ? ` ${view.missingText}` : '');

  // Two rows, so that "Số: …" and the place and date stand on one baseline (NĐ 30 Phụ lục I)
  // however many lines the issuing body takes; both in 13 pt (the date line may be 13–14 pt).
  const header: Content = {
    stack: [
      {
        columns: [
          {
            width: '40%',
            stack: [
              { text: doc.parentBody.toUpperCase(), fontSize: 12, alignment: 'center' },
              { text: doc.issuingBody.toUpperCase(), fontSize: 12, bold: true, alignment: 'center' },
              rule(ruleUnder(doc.issuingBody.toUpperCase(), 12, true, CONTENT_WIDTH * 0.4)),
            ],
          },
          {
            width: '60%',
            stack: [
              { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', fontSize: 12, bold: true, alignment: 'center' },
              { text: MOTTO, fontSize: 14, bold: true, alignment: 'center' },
              rule(ruleUnder(MOTTO, 14, true, CONTENT_WIDTH * 0.6, 1)),
            ],
          },
        ],
        columnGap: 6,
      },
      {
        columns: [
          { width: '40%', text: number, fontSize: 13, alignment: 'center' },
          { width: '60%', text: documentDateLine(doc.place, doc.date), fontSize: 13, italics: true, alignment: 'center' },
        ],
        columnGap: 6,
      },
    ],
  };

  const sections: Content[] = view.narratives.flatMap((n) => [
    { text: n.label.toUpperCase(), bold: true, margin: [0, 6, 0, 6] as [number, number, number, number] },
    ...(n.key === 'results' ? paragraphs(summary) : []),
    ...(n.draft.trim() ? paragraphs(n.draft) : [{ text: '(Không có nội dung.)', italics: true, margin: [0, 0, 0, 6] as [number, number, number, number] }]),
  ]);

  const closing: Content = {
    columns: [
      {
        width: '45%',
        stack: [
          { text: 'Nơi nhận:', fontSize: 12, bold: true, italics: true },
          ...doc.recipients.map((r) => ({ text: r.startsWith('-') ? r : `- ${r}`, fontSize: 11 })),
        ],
      },
      {
        width: '55%',
        stack: [
          { text: doc.authority.toUpperCase(), fontSize: 13, bold: true, alignment: 'center' },
          { text: doc.signerTitle.toUpperCase(), fontSize: 13, bold: true, alignment: 'center' },
          stamp ? stampBox(stamp) : { text: ' ', margin: [0, 0, 0, 62] },
          { text: doc.signerName, fontSize: 14, bold: true, alignment: 'center' },
        ],
      },
    ],
    margin: [0, 12, 0, 0],
    unbreakable: true,
  };

  const hasPrevious = view.rows.some((r) => r.previous);
  const head = (t: string): TableCell => ({ text: t, bold: true, alignment: 'center', fontSize: 12 });
  const body: TableCell[][] = [
    [head('TT'), head('Nội dung mục tiêu/chỉ tiêu'), head('Đơn vị tính'), head(`Chỉ tiêu năm ${view.period.year}`), head('Kết quả thực hiện'), head('Đánh giá'), ...(hasPrevious ? [head(view.rows[0]!.previous!.periodName)] : []), head('Đơn vị thực hiện')],
  ];
  const span = hasPrevious ? 8 : 7;
  let goal = '';
  let indicator = '';
  // A period that collects several plans: each plan's part of the table begins with its title.
  const planOfGoal = sectionBreaks(view, 'goal');
  const sectionRow = (title: string, columns: number): TableCell[] => [{ text: title, bold: true, colSpan: columns, fillColor: '#eeeeee', alignment: 'center' }, ...Array.from({ length: columns - 1 }, () => ({}))];
  for (const r of view.rows) {
    if (r.goalCode !== goal) {
      goal = r.goalCode;
      const title = planOfGoal(r.goalCode);
      if (title) body.push(sectionRow(title, span));
      body.push([{ text: r.goalCode, bold: true }, { text: r.goalTitle, bold: true, colSpan: span - 1 }, ...Array.from({ length: span - 2 }, () => ({}))]);
    }
    if (`${r.goalCode}.${r.indicatorCode}` !== indicator) {
      indicator = `${r.goalCode}.${r.indicatorCode}`;
      body.push([{ text: `Chỉ tiêu ${r.indicatorCode}`, bold: true }, { text: r.indicatorTitle, bold: true, colSpan: span - 1 }, ...Array.from({ length: span - 2 }, () => ({}))]);
    }
    // Shown with the measure's decimals; judged (above) on the full figure.
    const fmt = (n: number | null) => (n === null ? '' : formatVnNumber(n, { decimals: r.displayDecimals }));
    body.push([
      r.code,
      r.catalogueIndicator ? { stack: [r.name, { text: `Mã thống kê ${catalogueTag(r.catalogueIndicator)}`, italics: true, fontSize: 10 }] } : r.name,
      { text: r.unitLabel, alignment: 'center' },
      { text: r.targetText, alignment: 'right' },
      { text: fmt(r.total.value), alignment: 'right' },
      { text: ASSESSMENTS[r.assessment], alignment: 'center' },
      ...(hasPrevious ? [{ text: fmt(r.previous?.value ?? null), alignment: 'right' as const }] : []),
      { text: r.leadUnitName ?? '', fontSize: 11 },
    ]);
    if (r.breakdown) {
      body.push(['', { stack: breakdownTable(r, fmt, withoutBreakdownText(view, r)), colSpan: span - 1 }, ...Array.from({ length: span - 2 }, () => ({}))]);
    }
  }
  const reference: Content = { text: `(Kèm theo Báo cáo ${number.replace('Số: ', 'số ')} ${documentDateLine('', doc.date).replace(/^, /, '')} của ${doc.issuingBody})`, italics: true, alignment: 'center', margin: [0, 2, 0, 8] };
  const lines = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 };
  const appendix: Content[] = hasMeasures
    ? [
        { text: indicatorAnnex, fontSize: 14, bold: true, alignment: 'center', pageBreak: 'before', pageOrientation: 'landscape' },
        { text: 'KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU VỀ TRẺ EM', fontSize: 14, bold: true, alignment: 'center' },
        reference,
        { table: { headerRows: 1, dontBreakRows: true, widths: hasPrevious ? [52, '*', 48, 62, 62, 62, 62, 110] : [52, '*', 52, 68, 68, 68, 120], body }, fontSize: 12, layout: lines },
      ]
    : [];
  // The tasks in the plan's order: lead, where each stands, and what the units reported.
  if (hasTasks) {
    const taskBody: TableCell[][] = [[head('TT'), head('Nhiệm vụ'), head('Cơ quan chủ trì'), head('Tình trạng'), head('Kết quả thực hiện')]];
    const planOfTask = sectionBreaks(view, 'task');
    for (const t of view.tasks) {
      const title = planOfTask(t.key);
      if (title) taskBody.push(sectionRow(title, 5));
      taskBody.push([
        t.key,
        { text: t.content, fontSize: 11 },
        { text: t.leadName, fontSize: 11 },
        { text: t.status ? TASK_STATUSES[t.status] : '—', alignment: 'center', fontSize: 11 },
        { text: t.draft.trim() || '(chưa có báo cáo)', fontSize: 11 },
      ]);
    }
    appendix.push(
      { text: taskAnnex, fontSize: 14, bold: true, alignment: 'center', pageBreak: 'before', pageOrientation: 'landscape' },
      { text: 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ', fontSize: 14, bold: true, alignment: 'center' },
      reference,
      { table: { headerRows: 1, dontBreakRows: true, widths: [40, '*', 110, 80, '*'], body: taskBody }, fontSize: 12, layout: lines },
    );
  }

  return {
    // PDF 1.7 (pdfkit writes 1.3 unless told): what PAdES and archiving tools expect.
    version: '1.7',
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    info: { title: `Báo cáo ${doc.subject}`, author: doc.issuingBody, subject: doc.subject, creator: 'TongHop', producer: 'TongHop' },
    defaultStyle: { font: 'Serif', fontSize: BODY, lineHeight: 1.15 },
    // Page numbers centred in the top margin, none on page 1.
    header: (page: number) => (page === 1 ? null : { text: String(page), alignment: 'center', fontSize: 13, margin: [0, 10 * MM, 0, 0] }),
    content: [
      header,
      { text: 'BÁO CÁO', fontSize: 14, bold: true, alignment: 'center', margin: [0, 18, 0, 0] },
      { text: doc.subject, fontSize: 14, bold: true, alignment: 'center' },
      rule(ruleUnder(doc.subject, 14, true, CONTENT_WIDTH)),
      { text: '', margin: [0, 4, 0, 0] },
      ...sections.slice(0, -1),
      // The signature block never alone on a page: it stays with the last paragraph.
      { stack: [...sections.slice(-1), closing], unbreakable: true },
      ...appendix,
    ],
  };
}

/**
 * A broken-down measure's parts as a compact table: one row per option of the first categories,
 * one column per option of the last, and their sum ("Cộng": Σ numerators / Σ denominators for a rate).
 */
function breakdownTable(r: MergeRow, fmt: (n: number | null) => string, without: string | null): Content[] {
  const b = r.breakdown!;
  const last = b.categories.at(-1)!;
  const width = last.options.length;
  const factor = r.valueKind === 'rate' ? r.rateFactor : null;
  const rows: TableCell[][] = [];
  for (let i = 0; i < b.parts.length; i += width) {
    const group = b.parts.slice(i, i + width);
    const label = b.categories.length > 1 ? comboLabel(group[0]!.options.slice(0, -1)) : 'Số liệu';
    rows.push([{ text: label }, ...group.map((p) => ({ text: fmt(p.total.value), alignment: 'right' as const })), { text: fmt(deriveTotal(group.map((p) => p.total), factor).value), alignment: 'right' as const, bold: true }]);
  }
  const head = (t: string): TableCell => ({ text: t, bold: true, alignment: 'center', fontSize: 10 });
  return [
    { text: `Phân tổ theo ${b.name}${r.valueKind === 'rate' ? ` (${r.unitLabel})` : ''}:`, italics: true, fontSize: 11, margin: [0, 0, 0, 2] },
    {
      table: { headerRows: 1, widths: ['auto', ...last.options.map(() => 'auto' as const), 'auto'], body: [[head(b.categories.length > 1 ? b.categories.slice(0, -1).map((c) => c.name).join(' · ') : ''), ...last.options.map(head), head('Cộng')], ...rows] },
      fontSize: 11,
      layout: { hLineWidth: () => 0.4, vLineWidth: () => 0.4, hLineColor: () => '#777777', vLineColor: () => '#777777', paddingTop: () => 1, paddingBottom: () => 1 },
    },
    ...(without ? [{ text: without, italics: true, fontSize: 10, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
  ];
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  const doc = pdfmake.createPdf(definition) as unknown as { getBuffer(): Promise<Buffer> };
  return Buffer.from(await doc.getBuffer());
}

export async function buildSubmissionPdf(view: MergeView, doc: DocumentSettings, stamp?: SignatureStamp): Promise<Buffer> {
  return (await buildSubmissionPdfWithStamp(view, doc, stamp)).pdf;
}

/** Where the stamp was laid out: page index and box, in points from the page's top left. */
export interface StampPosition {
  page: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

type LaidOutPage = { items: Array<{ type: string; item: { type?: string; x1?: number; y1?: number; x2?: number; y2?: number; lineColor?: string } }> };

/** The submission PDF and, when it has a stamp, where pdfmake laid its frame (the signature widget's rectangle). */
export async function buildSubmissionPdfWithStamp(view: MergeView, doc: DocumentSettings, stamp?: SignatureStamp): Promise<{ pdf: Buffer; stamp: StampPosition | null }> {
  configure();
  const out = pdfmake.createPdf(submissionDocument(view, doc, stamp)) as unknown as { getStream(): Promise<{ _pdfMakePages?: LaidOutPage[] }>; getBuffer(): Promise<Buffer> };
  const pages = (await out.getStream())._pdfMakePages ?? [];
  const pdf = Buffer.from(await out.getBuffer());
  if (!stamp) return { pdf, stamp: null };
  // The frame is the only thing drawn in the stamp's colour.
  for (const [page, laid] of pages.entries()) {
    const lines = laid.items.filter((i) => i.type === 'vector' && i.item.type === 'line' && i.item.lineColor === STAMP_COLOR).map((i) => i.item);
    if (!lines.length) continue;
    const xs = lines.flatMap((l) => [l.x1!, l.x2!]);
    const ys = lines.flatMap((l) => [l.y1!, l.y2!]);
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    return { pdf, stamp: { page, left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top } };
  }
  return { pdf, stamp: null };
}

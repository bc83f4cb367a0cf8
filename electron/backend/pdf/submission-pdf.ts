/**
 * The submission as an official report (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4 portrait body,
 * two-column header, title and subject, narrative sections, "Nơi nhận" and the signature block,
 * then the indicator appendix in landscape with repeated header rows and page numbers from
 * page 2.
 */
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { ChartSvg, DocumentSettings, MergeRow, MergeView } from '../../../shared/api/types';
import type { ChartAppendix } from '../charts/appendix';
import { sectionBreaks, withoutBreakdownText } from '../../../shared/api/merge-text';
import { comboLabel, deriveTotal } from '../../../shared/domain/breakdown';
import { catalogueTag } from '../../../shared/domain/catalogue';
import { TASK_STATUSES } from '../../../shared/domain/task-status';
import { documentDateLine, documentNumber } from '../../../shared/domain/documents';
import { ASSESSMENTS } from '../../../shared/domain/rollup';
import { formatVnNumber } from '../../../shared/domain/vn-number';
import { renderLaidOut, renderLaidOutUntil, textWidth, type LaidOutPage } from './render';
import { ROOM, type SigningLayout } from './signature-placement';
import { writeSigningLayout } from './signing-layout';

export { renderPdf, textWidth } from './render';

const MM = 72 / 25.4;
/** Margins: left 30 mm, top 20 mm, right 15 mm, bottom 20 mm. */
const MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
const BODY = 14;
/** A4 portrait between the margins. */
const CONTENT_WIDTH = 210 * MM - MARGINS[0] - MARGINS[2];
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

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

/** A paragraph of the body: justified, its first line indented 1,27 cm. */
export const paragraph = (text: string): Content => ({ text, alignment: 'justify', leadingIndent: 1.27 * 10 * MM, margin: [0, 0, 0, 6] });

function paragraphs(text: string): Content[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(paragraph);
}

/** The rules of a document's tables: thin lines, little padding. */
export const TABLE_LINES = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 };

/** The mark of the signature room: an invisible frame found by this colour after layout. */
const ROOM_MARK = '#fe01fe';

/** The room between the authority line and the printed name, where the signer's signature goes (a new node each time: pdfmake writes into them). */
const signatureRoom = (): Content => ({
  columns: [{ width: '*', text: '' }, { width: ROOM.width, canvas: [{ type: 'rect', x: 0, y: 0, w: ROOM.width, h: ROOM.height, lineColor: ROOM_MARK, lineWidth: 0.1, strokeOpacity: 0 }] }, { width: '*', text: '' }],
  margin: [0, 2, 0, 2],
});

/** The annex headings, whose laid-out pages number the annexes (NĐ 30: each numbered on its own). */
type Tracked = Content & { positions?: Array<{ pageNumber: number }> };

export function submissionDocument(view: MergeView, doc: DocumentSettings, options: { breakBeforeHeadings?: ReadonlySet<number>; charts?: ChartAppendix | null } = {}): TDocumentDefinitions {
  const number = documentNumber(doc.number, doc.symbol);
  const met = view.rows.filter((r) => r.assessment === 'met').length;
  const notMet = view.rows.filter((r) => r.assessment === 'not_met').length;
  const noData = view.rows.filter((r) => r.assessment === 'no_data').length;
  const notApplicable = view.rows.filter((r) => r.assessment === 'not_applicable').length;
  // The appendices: the indicators, then the tasks, numbered I, II when there are both.
  const hasMeasures = view.rows.length > 0;
  const hasTasks = view.tasks.length > 0;
  const hasCharts = Boolean(options.charts && (options.charts.dashboard || options.charts.trends.length));
  const annexNames = annexNumbers([hasMeasures, hasTasks, hasCharts]);
  const [indicatorAnnex, taskAnnex, chartAnnex] = annexNames;
  const c = view.taskCounts;
  const summary =
    `Tổng hợp từ báo cáo của ${view.completeness.reported}/${view.completeness.expected} đơn vị` +
    (hasMeasures ? `, kết quả thực hiện ${view.rows.length} chỉ tiêu: ${met} chỉ tiêu đạt, ${notMet} chỉ tiêu chưa đạt, ${noData} chỉ tiêu chưa có số liệu${notApplicable ? `, ${notApplicable} chỉ tiêu không phát sinh` : ''} (chi tiết tại ${indicatorAnnex} kèm theo)` : '') +
    (hasTasks
      ? `${hasMeasures ? ';' : ','} thực hiện ${view.tasks.length} nhiệm vụ: ${c.done} đã hoàn thành, ${c.in_progress} đang thực hiện, ${c.not_started} chưa thực hiện, ${c.not_applicable} không phát sinh` +
        `${c.no_report ? `, ${c.no_report} chưa có báo cáo${view.tasks.every((t) => t.statusFrom === 'lead') ? ' của đơn vị chủ trì' : ''}` : ''} (chi tiết tại ${taskAnnex} kèm theo)`
      : '') +
    (hasCharts ? `; biểu đồ kết quả tại ${chartAnnex} kèm theo` : '') +
    '.' +
    (view.missingText ? ` ${view.missingText}` : '');

  const header = documentHeader(doc);

  const sections: Content[] = view.narratives.flatMap((n) => [
    { text: n.label.toUpperCase(), bold: true, margin: [0, 6, 0, 6] as [number, number, number, number] },
    ...(n.key === 'results' ? paragraphs(summary) : []),
    ...(n.draft.trim() ? paragraphs(n.draft) : [{ text: '(Không có nội dung.)', italics: true, margin: [0, 0, 0, 6] as [number, number, number, number] }]),
  ]);

  const closing = closingBlock(doc, doc.recipients);

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
  // Heading rows (a plan's title, a goal, an indicator) are kept with the row under them: the
  // table is cut before a heading the last layout left at the foot of a page.
  const headings = new HeadingRows(options.breakBeforeHeadings ?? new Set());
  for (const r of view.rows) {
    if (r.goalCode !== goal) {
      goal = r.goalCode;
      const title = planOfGoal(r.goalCode);
      if (title) headings.push(body, sectionRow(title, span));
      headings.push(body, [{ text: r.goalCode, bold: true }, { text: r.goalTitle, bold: true, colSpan: span - 1 }, ...Array.from({ length: span - 2 }, () => ({}))]);
    }
    if (`${r.goalCode}.${r.indicatorCode}` !== indicator) {
      indicator = `${r.goalCode}.${r.indicatorCode}`;
      headings.push(body, [{ text: `Chỉ tiêu ${r.indicatorCode}`, bold: true }, { text: r.indicatorTitle, bold: true, colSpan: span - 1 }, ...Array.from({ length: span - 2 }, () => ({}))]);
    }
    // Shown with the measure's decimals; judged (above) on the full figure.
    const fmt = (n: number | null) => (n === null ? '' : formatVnNumber(n, { decimals: r.displayDecimals }));
    body.push([
      dataCell(r.code),
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
  // Each annex's heading: where it was laid out says which pages are that annex's.
  const annexes: Tracked[] = [];
  const annexHeading = (title: string): Content => {
    const node: Tracked = { text: title, fontSize: 14, bold: true, alignment: 'center', pageBreak: 'before', pageOrientation: 'landscape' };
    annexes.push(node);
    return node;
  };
  const appendix: Content[] = hasMeasures
    ? [
        annexHeading(indicatorAnnex!),
        { text: 'KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU VỀ TRẺ EM', fontSize: 14, bold: true, alignment: 'center' },
        reference,
        ...headings.tables(body, { headerRows: 1, dontBreakRows: true, widths: hasPrevious ? [52, '*', 48, 62, 62, 62, 62, 110] : [52, '*', 52, 68, 68, 68, 120] }, { fontSize: 12, layout: TABLE_LINES }),
      ]
    : [];
  // The tasks in the plan's order: lead, where each stands, and what the units reported.
  if (hasTasks) {
    const taskBody: TableCell[][] = [[head('TT'), head('Nhiệm vụ'), head('Cơ quan chủ trì'), head('Tình trạng'), head('Kết quả thực hiện')]];
    const planOfTask = sectionBreaks(view, 'task');
    for (const t of view.tasks) {
      const title = planOfTask(t.key);
      if (title) headings.push(taskBody, sectionRow(title, 5));
      taskBody.push([
        dataCell(t.key),
        { text: t.content, fontSize: 11 },
        { text: t.leadName, fontSize: 11 },
        { text: t.status ? TASK_STATUSES[t.status] : '—', alignment: 'center', fontSize: 11 },
        { text: t.draft.trim() || '(chưa có báo cáo)', fontSize: 11 },
      ]);
    }
    appendix.push(
      annexHeading(taskAnnex!),
      { text: 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ', fontSize: 14, bold: true, alignment: 'center' },
      reference,
      ...headings.tables(taskBody, { headerRows: 1, dontBreakRows: true, widths: [40, '*', 110, 80, '*'] }, { fontSize: 12, layout: TABLE_LINES }),
    );
  }

  if (hasCharts) appendix.push(annexHeading(chartAnnex!), { text: 'BIỂU ĐỒ KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU VỀ TRẺ EM', fontSize: 14, bold: true, alignment: 'center' }, reference, ...chartPages(options.charts!));

  return {
    ...documentPage(doc, `Báo cáo ${doc.subject}`),
    // Page numbers centred in the top margin, none on the first page; each annex numbered on its own from its second page.
    header: (page: number) => {
      const n = pageNumberOf(page, annexes.map((a) => a.positions?.[0]?.pageNumber ?? Infinity));
      return n === null ? null : { text: String(n), alignment: 'center', fontSize: 13, margin: [0, 10 * MM, 0, 0] };
    },
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
 * The NĐ 30 header: the parent and issuing bodies over a rule, the national name and motto over
 * theirs; then, on one baseline, "Số: …" and the place and date (13 pt), whatever lines the
 * bodies take. `underNumber`: what a công văn puts under its number ("V/v …").
 */
export function documentHeader(doc: DocumentSettings, underNumber?: string): Content {
  const number = documentNumber(doc.number, doc.symbol);
  return {
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
          { width: '40%', stack: [{ text: number, fontSize: 13, alignment: 'center' }, ...(underNumber ? [{ text: underNumber, fontSize: 12, alignment: 'center' as const, margin: [0, 2, 0, 0] as [number, number, number, number] }] : [])] },
          { width: '60%', text: documentDateLine(doc.place, doc.date), fontSize: 13, italics: true, alignment: 'center' },
        ],
        columnGap: 6,
      },
    ],
  };
}

/** "Nơi nhận" on the left; the authority, the signer's title, the room for the signature and the name on the right. */
export function closingBlock(doc: DocumentSettings, recipients: readonly string[]): Content {
  return {
    columns: [
      {
        width: '45%',
        stack: [
          { text: 'Nơi nhận:', fontSize: 12, bold: true, italics: true },
          ...recipients.map((r) => ({ text: r.startsWith('-') ? r : `- ${r}`, fontSize: 11 })),
        ],
      },
      {
        width: '55%',
        stack: [
          { text: doc.authority.toUpperCase(), fontSize: 13, bold: true, alignment: 'center' },
          { text: doc.signerTitle.toUpperCase(), fontSize: 13, bold: true, alignment: 'center' },
          signatureRoom(),
          { text: doc.signerName, fontSize: 14, bold: true, alignment: 'center' },
        ],
      },
    ],
    margin: [0, 12, 0, 0],
    unbreakable: true,
  };
}

/** The page set-up every document shares: A4 portrait, NĐ 30 margins, the serif at 14 pt; PDF 1.7 (pdfkit writes 1.3 unless told), what PAdES and archiving tools expect. */
export function documentPage(doc: DocumentSettings, title: string): Pick<TDocumentDefinitions, 'version' | 'pageSize' | 'pageOrientation' | 'pageMargins' | 'info' | 'defaultStyle'> {
  return {
    version: '1.7',
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    info: { title, author: doc.issuingBody, subject: doc.subject, creator: 'TongHop', producer: 'TongHop' },
    defaultStyle: { font: 'Serif', fontSize: BODY, lineHeight: 1.15 },
  };
}

/** A document without annexes, laid out once, with where its signatures go recorded in it. */
export async function layOutDocument(definition: TDocumentDefinitions, doc: DocumentSettings): Promise<{ pdf: Buffer; layout: SigningLayout }> {
  const { pdf, pages } = await renderLaidOut(definition);
  const layout: SigningLayout = { room: findRoom(pages), attachmentPages: [], documentNumber: documentNumber(doc.number, doc.symbol).replace(/^Số:\s*/, '') };
  return { pdf: await writeSigningLayout(pdf, layout), layout };
}

/** The annexes' names: "Phụ lục" when there is one, else I, II, III in order (NĐ 30). */
function annexNumbers(present: readonly boolean[]): (string | undefined)[] {
  const count = present.filter(Boolean).length;
  let n = 0;
  return present.map((p) => (p ? (count > 1 ? `Phụ lục ${['I', 'II', 'III', 'IV'][n++]}` : 'Phụ lục') : undefined));
}

/** A chart with its title (and what it shows) kept on one page, vector, as wide as the chart was drawn. */
function chartBlock(title: string, note: string | null, chart: ChartSvg): Content {
  return { stack: [{ text: title, bold: true, fontSize: 12 }, ...(note ? [{ text: note, italics: true, fontSize: 11 }] : []), { svg: chart.svg, width: chart.width, margin: [0, 2, 0, 0] }], unbreakable: true, margin: [0, 6, 0, 6] } as Content;
}

function chartPages(c: ChartAppendix): Content[] {
  const out: Content[] = [];
  let n = 0;
  const numbered = (title: string) => `${++n}. ${title}`;
  const d = c.dashboard;
  if (d) {
    const received = d.received.days.at(-1)?.count ?? 0;
    const pair = (a: Content | null, b: Content | null): Content | null => (a || b ? { columns: [a ?? { text: '' }, b ?? { text: '' }], columnGap: 16 } : null);
    const charts = [
      pair(
        d.charts.goals ? chartBlock(numbered('Kết quả theo mục tiêu'), `${d.withData}/${d.measureCount} chỉ tiêu có số liệu`, d.charts.goals) : null,
        d.charts.phase && d.phaseYear !== null ? chartBlock(numbered(`Tiến độ đến mục tiêu năm ${d.phaseYear}`), 'Số chỉ tiêu mà kết quả kỳ này đã đạt mục tiêu cuối giai đoạn', d.charts.phase) : null,
      ),
      pair(
        chartBlock(numbered('Báo cáo đã nhận theo ngày'), `${received}/${d.received.expected} đơn vị đã gửi báo cáo`, d.charts.received),
        d.charts.furthest ? chartBlock(numbered('Các chỉ tiêu còn xa chỉ tiêu nhất'), 'Khoảng cách đến chỉ tiêu của năm, tính theo phần trăm của chỉ tiêu', d.charts.furthest) : null,
      ),
    ];
    for (const x of charts) if (x) out.push(x);
  }
  for (const t of c.trends) {
    const phase = t.phaseTargets.map((p) => `mục tiêu ${p.year}: ${p.text}`).join('; ');
    out.push(chartBlock(numbered(`Chỉ tiêu ${t.code}: ${t.name}`), `${t.scopeText}. Chỉ số ${t.directionText}${phase ? `; ${phase}` : ''}.`, t.chart));
  }
  return out;
}

/**
 * Heading rows are marked (their first cell's text in a colour that prints black) so that the
 * laid-out pages show where each heading and each data row landed; a heading cut from its
 * first row is moved to the next page by starting a new table there (the header row repeated,
 * as when the table breaks by itself).
 */
const HEADING_MARK = '#010101';
const ROW_MARK = '#020202';
const dataCell = (text: string): TableCell => ({ text, color: ROW_MARK });

class HeadingRows {
  private count = 0;
  private readonly cuts = new Map<TableCell[][], number[]>();
  constructor(private readonly breakBefore: ReadonlySet<number>) {}

  push(body: TableCell[][], row: TableCell[]): void {
    if (this.breakBefore.has(this.count++)) this.cuts.set(body, [...(this.cuts.get(body) ?? []), body.length]);
    // Only the first word is marked: a heading that wraps is still one heading.
    const first = row[0] as { text: string } & Record<string, unknown>;
    const [, word, rest] = /^(\S*\s?)([\s\S]*)$/.exec(first.text)!;
    body.push([{ ...first, text: [{ text: word, color: HEADING_MARK }, ...(rest ? [{ text: rest }] : [])] } as TableCell, ...row.slice(1)]);
  }

  /** The table, cut into several where a heading has to start a page. */
  tables(body: TableCell[][], table: { headerRows: number; dontBreakRows: boolean; widths: Array<number | string> }, style: Record<string, unknown>): Content[] {
    const cuts = this.cuts.get(body) ?? [];
    const header = body.slice(0, table.headerRows);
    return [table.headerRows, ...cuts].map((start, i, all) => ({
      table: { ...table, body: i === 0 ? body.slice(0, all[1] ?? body.length) : [...header.map((r) => r.map((c) => ({ ...(c as object) }) as TableCell)), ...body.slice(start, all[i + 1] ?? body.length)] },
      ...style,
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    })) as Content[];
  }
}

/** Headings (by order in the document) the layout left at the foot of a page, cut from the row under them. */
export function strandedHeadings(pages: LaidOutPage[]): number[] {
  let ordinal = -1;
  const out: number[] = [];
  for (const [p, page] of pages.entries()) {
    let trailing: number[] = [];
    for (const i of page.items) {
      if (i.type !== 'line') continue;
      const colour = (i.item as { inlines?: Array<{ color?: string }> }).inlines?.[0]?.color;
      if (colour === HEADING_MARK) trailing.push(++ordinal);
      else if (colour === ROW_MARK) trailing = [];
    }
    if (trailing.length && p < pages.length - 1) out.push(trailing[0]!);
  }
  return out;
}

/**
 * NĐ 30/2020 Phụ lục I: pages are numbered from 1, the first not shown; an annex (phụ lục) is
 * numbered on its own the same way. `annexStarts` are the annexes' first pages (1-based).
 */
export function pageNumberOf(page: number, annexStarts: number[]): number | null {
  const start = Math.max(1, ...annexStarts.filter((s) => s <= page));
  const n = page - start + 1;
  return n === 1 ? null : n;
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

/**
 * The submission PDF: laid out by pdfmake, then an incremental update records where its
 * signatures go (the room under the authority line, the annexes' first pages, the number).
 */
export async function buildSubmissionPdf(view: MergeView, doc: DocumentSettings, charts: ChartAppendix | null = null): Promise<Buffer> {
  return (await layOutSubmission(view, doc, charts)).pdf;
}

/** The PDF, where its signatures go, and the headings moved to the next page (for submissionDocument's breakBeforeHeadings). */
export async function layOutSubmission(view: MergeView, doc: DocumentSettings, charts: ChartAppendix | null = null): Promise<{ pdf: Buffer; layout: SigningLayout; movedHeadings: ReadonlySet<number> }> {
  // Laid out again while a heading is stranded at a page's foot (moving one may strand another); rendered once.
  const breakBeforeHeadings = new Set<number>();
  const { pdf, pages, definition } = await renderLaidOutUntil(submissionDocument(view, doc, { charts }), (laid) => {
    const stranded = strandedHeadings(laid).filter((h) => !breakBeforeHeadings.has(h));
    if (!stranded.length) return null;
    for (const h of stranded) breakBeforeHeadings.add(h);
    return submissionDocument(view, doc, { breakBeforeHeadings, charts });
  });
  const layout: SigningLayout = { room: findRoom(pages), attachmentPages: annexStarts(definition), documentNumber: documentNumber(doc.number, doc.symbol).replace(/^Số:\s*/, '') };
  return { pdf: await writeSigningLayout(pdf, layout), layout, movedHeadings: breakBeforeHeadings };
}

/** The room's invisible frame, in PDF points (origin bottom left). */
function findRoom(pages: LaidOutPage[]): SigningLayout['room'] {
  for (const [page, laid] of pages.entries()) {
    const mark = laid.items.find((i) => i.type === 'vector' && i.item.type === 'rect' && i.item.lineColor === ROOM_MARK)?.item;
    if (!mark) continue;
    const height = laid.pageSize?.height ?? 842;
    return { page, rect: [mark.x!, height - mark.y! - mark.h!, mark.x! + mark.w!, height - mark.y!] };
  }
  return null;
}

function annexStarts(definition: TDocumentDefinitions): number[] {
  const starts: number[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object' && 'pageOrientation' in node && (node as Tracked).positions?.length) starts.push((node as Tracked).positions![0]!.pageNumber - 1);
  };
  walk(definition.content);
  return starts;
}

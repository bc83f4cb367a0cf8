/**
 * Writes .xlsx files that look right in Excel and LibreOffice. SheetJS CE writes no fonts,
 * fills, borders or cell protection, so after it writes the workbook this module replaces
 * styles.xml with TongHop's small stylesheet and sets each cell's style by address.
 */
import * as XLSX from 'xlsx';
import { inPackageOrder, readOwnZip, writeZip } from './zip';

/** Numbers shown with 0–6 decimals ("#,##0.00": Excel shows 1.234,56 on a Vietnamese system); the value is kept whole. */
const NUMBER_STYLES = ['number0', 'number1', 'number2', 'number3', 'number4', 'number5', 'number6'] as const;
type NumberStyle = (typeof NUMBER_STYLES)[number];

/** The named styles; the index of each is its xf id in STYLES_XML. */
export const STYLES = ['default', 'title', 'subtitle', 'instructions', 'header', 'label', 'labelBold', 'group', 'input', 'inputText', 'formula', 'na', 'labelNumber', 'part', ...NUMBER_STYLES] as const;
export type StyleName = (typeof STYLES)[number];

/** The style of a figure shown with a measure's decimals (full precision stored). */
export function numberStyle(decimals: number): StyleName {
  return NUMBER_STYLES[Math.max(0, Math.min(6, Math.round(decimals)))]!;
}
const NUMBER_FORMATS = NUMBER_STYLES.map((_, d) => `<numFmt numFmtId="${164 + d}" formatCode="${d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`}"/>`).join('');

const FONT = 'Times New Roman';
const border = '<border><left style="thin"><color rgb="FF8EA3BA"/></left><right style="thin"><color rgb="FF8EA3BA"/></right><top style="thin"><color rgb="FF8EA3BA"/></top><bottom style="thin"><color rgb="FF8EA3BA"/></bottom><diagonal/></border>';
const fill = (rgb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
const locked = '<protection locked="1"/>';
const unlocked = '<protection locked="0"/>';
const xf = (o: { font?: number; fill?: number; border?: number; numFmt?: number; align?: string; protection?: string }) =>
  `<xf numFmtId="${o.numFmt ?? 0}" fontId="${o.font ?? 0}" fillId="${o.fill ?? 0}" borderId="${o.border ?? 0}" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1"${o.numFmt ? ' applyNumberFormat="1"' : ''}>` +
  `${o.align ?? '<alignment vertical="top" wrapText="1"/>'}${o.protection ?? locked}</xf>`;

// fonts: 0 normal 12, 1 bold 12, 2 bold 14, 3 italic 12
// fills: 0 none, 1 gray125 (required), 2 header grey-blue, 3 input yellow, 4 group blue, 5 n/a grey, 6 formula green
// borders: 0 none, 1 thin
const XFS: Record<StyleName, string> = {
  default: xf({}),
  title: xf({ font: 2, align: '<alignment horizontal="center" vertical="center" wrapText="1"/>' }),
  subtitle: xf({ font: 3, align: '<alignment horizontal="center" vertical="center" wrapText="1"/>' }),
  instructions: xf({ align: '<alignment horizontal="left" vertical="top" wrapText="1"/>' }),
  header: xf({ font: 1, fill: 2, border: 1, align: '<alignment horizontal="center" vertical="center" wrapText="1"/>' }),
  label: xf({ border: 1 }),
  labelBold: xf({ font: 1, border: 1 }),
  group: xf({ font: 1, fill: 4, border: 1 }),
  input: xf({ fill: 3, border: 1, align: '<alignment horizontal="right" vertical="top"/>', protection: unlocked }),
  inputText: xf({ fill: 3, border: 1, align: '<alignment horizontal="left" vertical="top" wrapText="1"/>', protection: unlocked }),
  formula: xf({ fill: 6, border: 1, numFmt: 2, align: '<alignment horizontal="right" vertical="top"/>' }),
  na: xf({ fill: 5, border: 1, align: '<alignment horizontal="center" vertical="top"/>' }),
  labelNumber: xf({ border: 1, align: '<alignment horizontal="right" vertical="top"/>' }),
  /** A part of a broken-down measure: italic, indented under its total. */
  part: xf({ font: 3, border: 1, align: '<alignment vertical="top" wrapText="1" indent="1"/>' }),
  ...(Object.fromEntries(NUMBER_STYLES.map((name, d) => [name, xf({ border: 1, numFmt: 164 + d, align: '<alignment horizontal="right" vertical="top"/>' })])) as Record<NumberStyle, string>),
};

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<numFmts count="${NUMBER_STYLES.length}">${NUMBER_FORMATS}</numFmts>` +
  `<fonts count="4"><font><sz val="12"/><name val="${FONT}"/><family val="1"/></font><font><b/><sz val="12"/><name val="${FONT}"/><family val="1"/></font>` +
  `<font><b/><sz val="14"/><name val="${FONT}"/><family val="1"/></font><font><i/><sz val="12"/><name val="${FONT}"/><family val="1"/></font></fonts>` +
  `<fills count="7"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fill('DCE6F1')}${fill('FFF2CC')}${fill('EEF3F9')}${fill('F2F2F2')}${fill('E2EFDA')}</fills>` +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${border}</borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${STYLES.length}">${STYLES.map((s) => XFS[s]).join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

export type SheetStyles = Map<string, StyleName>;

const WRAPPED = new Set<StyleName>(['label', 'labelBold', 'group', 'instructions', 'header', 'inputText', 'subtitle', 'part']);

/** A sheet being laid out: cells, their styles, merges, widths, row heights. */
export class SheetBuilder {
  readonly ws: XLSX.WorkSheet = {};
  readonly styles: SheetStyles = new Map();
  private merges: XLSX.Range[] = [];
  private rows: XLSX.RowInfo[] = [];
  /** Estimated wrapped lines per row, for row heights (Excel does not grow rows it did not lay out). */
  private lines: number[] = [];
  private maxRow = 0;
  private maxCol = 0;

  constructor(private widths: number[]) {}

  set(row: number, col: number, value: string | number | boolean | null, style: StyleName = 'label'): void {
    const address = XLSX.utils.encode_cell({ r: row, c: col });
    this.ws[address] = value === null ? { t: 'z', z: 'General' } : typeof value === 'number' ? { t: 'n', v: value } : typeof value === 'boolean' ? { t: 'b', v: value } : { t: 's', v: value };
    this.styles.set(address, style);
    this.maxRow = Math.max(this.maxRow, row);
    this.maxCol = Math.max(this.maxCol, col);
    if (typeof value === 'string' && WRAPPED.has(style)) this.countLines(row, value, this.widths[col] ?? 10);
  }

  private countLines(row: number, text: string, width: number): void {
    const perLine = Math.max(4, Math.floor(width * 1.25));
    const n = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    this.lines[row] = Math.max(this.lines[row] ?? 1, n);
  }

  formula(row: number, col: number, f: string, style: StyleName = 'formula'): void {
    const address = XLSX.utils.encode_cell({ r: row, c: col });
    this.ws[address] = { t: 'n', f };
    this.styles.set(address, style);
  }

  /** A value spread over columns `from`..`to` of one row (all cells styled, so borders show). */
  merged(row: number, from: number, to: number, value: string | null, style: StyleName): void {
    for (let c = from; c <= to; c++) this.set(row, c, null, style);
    const address = XLSX.utils.encode_cell({ r: row, c: from });
    if (value !== null) this.ws[address] = { t: 's', v: value };
    if (value !== null && WRAPPED.has(style)) {
      const width = this.widths.slice(from, to + 1).reduce((a, b) => a + b, 0);
      this.countLines(row, value, width);
    }
    if (to > from) this.merges.push({ s: { r: row, c: from }, e: { r: row, c: to } });
  }

  height(row: number, points: number): void {
    this.rows[row] = { hpt: points };
  }

  finish(options: { protect?: boolean } = {}): XLSX.WorkSheet {
    this.ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: this.maxRow, c: Math.max(this.maxCol, this.widths.length - 1) } });
    this.ws['!cols'] = this.widths.map((wch) => ({ wch }));
    for (let r = 0; r <= this.maxRow; r++) {
      const n = this.lines[r] ?? 1;
      if (!this.rows[r] && n > 1) this.rows[r] = { hpt: Math.round(15.75 * n + 3) };
    }
    this.ws['!rows'] = this.rows;
    this.ws['!margins'] = { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
    this.ws['!merges'] = this.merges;
    // Labels locked, yellow input cells open; no password, so a compiler can still unprotect.
    if (options.protect) this.ws['!protect'] = { formatColumns: false, formatRows: false, selectLockedCells: false, selectUnlockedCells: false };
    return this.ws;
  }
}

/** How a sheet prints: rows and columns repeated on every page, page breaks between groups of columns. */
export interface PrintSetup {
  /** 0-based, inclusive: repeated at the top of every page (the column headers). */
  titleRows?: [number, number];
  /** 0-based, inclusive: repeated at the left of every page (code and name of a wide table). */
  titleCols?: [number, number];
  /** 0-based columns that start a new page (a wide table: about ten unit columns a page). */
  colBreaks?: number[];
  /** Shrink to the page's width (default true), or to so many pages side by side (a wide table, with colBreaks). */
  fitWidth?: boolean | number;
}

/** A workbook of laid-out sheets: each sheet's styles and print setup kept with it, written in one go. */
export class StyledBook {
  readonly wb: XLSX.WorkBook = XLSX.utils.book_new();
  private readonly styles = new Map<string, SheetStyles>();
  private readonly prints = new Map<string, PrintSetup>();

  add(name: string, sheet: SheetBuilder, options: { protect?: boolean; print?: PrintSetup } = {}): void {
    XLSX.utils.book_append_sheet(this.wb, sheet.finish({ protect: options.protect }), name);
    this.styles.set(name, sheet.styles);
    if (options.print) this.prints.set(name, options.print);
  }

  write(): Buffer {
    return writeStyledXlsx(this.wb, this.styles, this.prints);
  }
}

/** `'Theo đơn vị'!$A:$C,'Theo đơn vị'!$3:$3`: the print titles of one sheet as a defined name's reference. */
function printTitlesRef(sheet: string, p: PrintSetup): string | null {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  const parts: string[] = [];
  if (p.titleCols) parts.push(`${q}!$${XLSX.utils.encode_col(p.titleCols[0])}:$${XLSX.utils.encode_col(p.titleCols[1])}`);
  if (p.titleRows) parts.push(`${q}!$${p.titleRows[0] + 1}:$${p.titleRows[1] + 1}`);
  return parts.length ? parts.join(',') : null;
}

/** Writes the workbook, then applies TongHop's stylesheet and each sheet's cell styles and print setup. */
export function writeStyledXlsx(wb: XLSX.WorkBook, sheetStyles: Map<string, SheetStyles>, prints: Map<string, PrintSetup> = new Map()): Buffer {
  // Repeated rows and columns are the workbook's defined names (_xlnm.Print_Titles), one per sheet.
  const names = wb.SheetNames.flatMap((name, i) => {
    const ref = prints.get(name) && printTitlesRef(name, prints.get(name)!);
    return ref ? [{ Name: '_xlnm.Print_Titles', Sheet: i, Ref: ref }] : [];
  });
  if (names.length) wb.Workbook = { ...(wb.Workbook ?? {}), Names: [...(wb.Workbook?.Names ?? []).filter((n) => n.Name !== '_xlnm.Print_Titles'), ...names] };
  // Stored (not deflated) here: it is unpacked at once, and deflated once at the end, natively.
  const raw = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', sheetStubs: true, compression: false }) as Buffer;
  const files = new Map(readOwnZip(raw).map((e) => [e.name, e.data]));
  files.set('xl/styles.xml', Buffer.from(STYLES_XML, 'utf8'));
  wb.SheetNames.forEach((name, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const content = files.get(path);
    if (!content) throw new Error(`styled workbook: ${path} missing`);
    const styles = sheetStyles.get(name) ?? new Map<string, StyleName>();
    const xml = Buffer.from(content).toString('utf8');
    const styled = xml.replace(/<c r="([A-Z]+\d+)"( s="\d+")?/g, (_m, address: string) => {
      const style = styles.get(address);
      const index = style ? STYLES.indexOf(style) : 0;
      return index > 0 ? `<c r="${address}" s="${index}"` : `<c r="${address}"`;
    });
    files.set(path, Buffer.from(withPageSetup(styled, prints.get(name) ?? {}), 'utf8'));
  });
  return writeZip(inPackageOrder([...files].map(([name, data]) => ({ name, data }))));
}

/** A4 landscape when printed: fit to the page width, or (a wide table) in pages broken between column groups. */
function withPageSetup(xml: string, p: PrintSetup): string {
  const pagesWide = p.fitWidth === false ? 0 : p.fitWidth === true || p.fitWidth === undefined ? 1 : p.fitWidth;
  const fit = pagesWide > 0;
  let out = fit ? xml.replace(/(<worksheet[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>') : xml;
  const breaks = p.colBreaks?.length ? `<colBreaks count="${p.colBreaks.length}" manualBreakCount="${p.colBreaks.length}">${p.colBreaks.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join('')}</colBreaks>` : '';
  out = out.replace(/(<pageMargins[^>]*\/>)/, `$1<pageSetup paperSize="9" orientation="landscape"${fit ? ` fitToWidth="${pagesWide}" fitToHeight="0"` : ''}/>${breaks}`);
  return out;
}

/** Which files TongHop reads as spreadsheets, by their name: Excel (.xlsx, .xlsm, .xls) and OpenDocument (.ods). */
export const SPREADSHEET_FILE = /\.(xlsx|xlsm|xls|ods)$/i;

export const isSpreadsheetName = (fileName: string) => SPREADSHEET_FILE.test(fileName);

/** What to say of a file that is not one: "x.pdf: chỉ nhận bảng tính Excel (.xlsx, .xlsm, .xls) hoặc LibreOffice (.ods), không nhận tệp .pdf." */
export function onlySpreadsheets(fileName: string): string {
  const extension = (/\.([^.]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  const base = `${fileName}: chỉ nhận bảng tính Excel (.xlsx, .xlsm, .xls) hoặc LibreOffice (.ods)${extension ? `, không nhận tệp .${extension}` : ''}.`;
  // A unit's signed report comes as a PDF beside its Excel file: it has its own place.
  return extension === 'pdf' ? `${base} Văn bản PDF đã ký của đơn vị được lưu ở "Tệp đã nhận, văn bản PDF…" trên dòng của đơn vị.` : base;
}

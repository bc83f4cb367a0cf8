/** Which files TongHop reads as spreadsheets, by their name: Excel (.xlsx, .xlsm, .xls) and OpenDocument (.ods). */
export const SPREADSHEET_FILE = /\.(xlsx|xlsm|xls|ods)$/i;

export const isSpreadsheetName = (fileName: string) => SPREADSHEET_FILE.test(fileName);

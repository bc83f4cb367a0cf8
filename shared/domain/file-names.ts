/** A name every file system takes: "Báo cáo (trước 15/10/2024).pdf" → "Báo cáo (trước 15-10-2024).pdf". Pure. */
export function fileSafeName(fileName: string): string {
  return fileName.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '-').replace(/^\.+/, '').slice(0, 200) || 'tep';
}

import type { FileUpload } from '../../../shared/api/types';
import { readFileBase64 } from '../components/FilePicker';

/**
 * A picked file made ready for a call. In the web host the file's bytes are streamed to
 * POST /api/upload (to disk there, never held whole as JSON) and the call names it by id; in
 * Electron the bytes go over IPC as base64.
 */
export async function sendFile(file: File): Promise<FileUpload> {
  if (window.tonghop) return { fileName: file.name, dataBase64: await readFileBase64(file) };
  const res = await fetch('./api/upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
  const answer = (await res.json().catch(() => null)) as { ok: boolean; result?: { uploadId: string }; error?: { message: string } } | null;
  if (!answer?.ok || !answer.result) throw new Error(`${file.name}: ${answer?.error?.message ?? `không gửi được tệp (mã ${res.status}).`}`);
  return { fileName: file.name, uploadId: answer.result.uploadId };
}

import { useState } from 'react';
import type { FileUpload } from '../../../shared/api/types';
import { sendFile } from '../api/send-file';

/**
 * A file picked for an import that shows a preview before anything is written: the file read,
 * the backend's preview asked for, busy and error states kept, and the upload kept for the commit.
 */
export function useUploadPreview<P>(askPreview: (upload: FileUpload) => Promise<P>, onPreview?: (preview: P, file: File) => void) {
  const [upload, setUpload] = useState<FileUpload | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File) => {
    setError(null);
    setPreview(null);
    setBusy(`Đang đọc tệp ${file.name}…`);
    try {
      const next = await sendFile(file);
      const p = await askPreview(next);
      setUpload(next);
      setPreview(p);
      onPreview?.(p, file);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  /** Runs the commit with the busy text shown; its error is kept for display. */
  const commit = async (busyText: string, run: (upload: FileUpload) => Promise<void>) => {
    if (!upload) return;
    setBusy(busyText);
    setError(null);
    try {
      await run(upload);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return { upload, preview, setPreview, busy, error, pick, commit };
}

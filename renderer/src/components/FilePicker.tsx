import { useRef, useState, type DragEvent } from 'react';
import { isSpreadsheetName } from '../../../shared/domain/spreadsheet-files';

/** Reads a file the user picked or dropped, as base64 for the API. */
export async function readFileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

type Entry = { isFile: boolean; isDirectory: boolean; file?: (ok: (f: File) => void, err: (e: unknown) => void) => void; createReader?: () => { readEntries: (ok: (e: Entry[]) => void, err: (e: unknown) => void) => void } };

/** The files dropped, with the files inside dropped folders (and their subfolders). */
async function droppedFiles(dt: DataTransfer): Promise<File[]> {
  const entries = [...dt.items].map((i) => (i as unknown as { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() ?? null);
  if (entries.every((e) => !e || e.isFile)) return [...dt.files];
  const out: File[] = [];
  const walk = async (entry: Entry): Promise<void> => {
    if (entry.isFile && entry.file) out.push(await new Promise<File>((ok, err) => entry.file!(ok, err)));
    else if (entry.isDirectory && entry.createReader) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise<Entry[]>((ok, err) => reader.readEntries(ok, err));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  for (const e of entries) if (e) await walk(e);
  return out;
}

/** Spreadsheets among picked or dropped files (a folder holds other things too). */
export function spreadsheetsOnly(files: File[]): File[] {
  return files.filter((f) => isSpreadsheetName(f.name) && !f.name.startsWith('~$'));
}

/** Dropping files on an element: `over` while files hover, `onFiles` when they land (if enabled). */
export function useFileDrop(onFiles: (files: File[]) => void, enabled = true) {
  const [over, setOver] = useState(false);
  const handlers = {
    onDragOver: (e: DragEvent) => {
      if (!enabled) return;
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      if (!enabled) return;
      void droppedFiles(e.dataTransfer).then((files) => files.length && onFiles(files));
    },
  };
  return { over, handlers };
}

/** A button and a drop zone for one file. */
export function FilePicker(props: { accept: string; label: string; onFile: (f: File) => void; busy?: string | null }) {
  const input = useRef<HTMLInputElement>(null);
  const { over, handlers } = useFileDrop((files) => props.onFile(files[0]!));
  return (
    <div className={over ? 'drop-zone drop-over' : 'drop-zone'} {...handlers}>
      {props.busy ? (
        <div role="status" className="busy">
          <span className="spinner" aria-hidden="true" /> {props.busy}
        </div>
      ) : (
        <>
          <button type="button" className="primary" autoFocus onClick={() => input.current?.click()}>
            {props.label}
          </button>
          <div className="muted">hoặc kéo thả tệp vào đây</div>
        </>
      )}
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) props.onFile(f);
        }}
      />
    </div>
  );
}

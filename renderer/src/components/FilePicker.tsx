import { useRef, useState, type DragEvent } from 'react';

/** Reads a file the user picked or dropped, as base64 for the API. */
export async function readFileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
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
      if (enabled && e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]);
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

import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The path of Electron's program, or null where it was not downloaded (npm install fetches it
 * from the internet; offline machines install with ELECTRON_SKIP_BINARY_DOWNLOAD=1).
 */
export function electronBinary(): string | null {
  try {
    const bin = createRequire(import.meta.url)('electron') as unknown as string;
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

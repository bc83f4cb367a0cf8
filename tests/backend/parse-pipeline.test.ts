/**
 * The parsing worker is handed files ahead of the one it parses (so it parses the next ones while
 * the main thread checks and stores): every file still gets its own workbook, in any number at
 * once, and a file that runs past its time or its memory is refused alone; the files handed to
 * the worker after it are parsed by the worker that replaces it.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { DEFAULT_PARSE_LIMITS, filesHandedToWorkers, parseWorkbook } from '../../electron/backend/workers/parse-workbook';

const workbook = (rows: unknown[][]) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Chỉ tiêu');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
};
const small = (i: number) => workbook([['Tệp', i]]);
/** 15.000 rows of text: a second or so to parse, and far more than 16 MB of heap. */
const large = workbook(Array.from({ length: 15_000 }, (_, r) => [`Dòng số ${r}`, r, `Ghi chú dài ${'x'.repeat(40)} ${r}`]));
const first = async (p: ReturnType<typeof parseWorkbook>) => (await p).sheets[0]!.rows[0]![1]!.v;

describe('the parsing worker, handed files ahead', () => {
  it('gives each of 40 files handed at once its own workbook', async () => {
    const got = await Promise.all(Array.from({ length: 40 }, (_, i) => first(parseWorkbook(small(i), `xa-${i}.xlsx`))));
    expect(got).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('hands reports ahead, but large files one at a time (each is copied into the worker)', async () => {
    const small10 = Array.from({ length: 10 }, (_, i) => first(parseWorkbook(small(i), `xa-${i}.xlsx`)));
    const handed = filesHandedToWorkers();
    expect(handed.reduce((a, b) => a + b, 0)).toBe(10);
    expect(Math.max(...handed)).toBeGreaterThan(1);
    expect(await Promise.all(small10)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    // About 10 MB each: one handed to each worker, the others wait here.
    const big = workbook(Array.from({ length: 15_000 }, (_, r) => [`${r} ${'x'.repeat(600)}`]));
    const bigs = [1, 2, 3, 4].map((i) => parseWorkbook(big, `lon-${i}.xlsx`));
    expect(Math.max(...filesHandedToWorkers())).toBe(1);
    for (const b of await Promise.all(bigs)) expect(b.sheets[0]!.rows).toHaveLength(15_000);
  }, 60_000);

  it('refuses a file past its time alone: the files handed after it are parsed by a new worker', async () => {
    const before = first(parseWorkbook(small(1), 'truoc.xlsx'));
    const slow = parseWorkbook(large, 'cham.xlsx', { ...DEFAULT_PARSE_LIMITS, timeoutMs: 1 });
    const after = [2, 3, 4].map((i) => first(parseWorkbook(small(i), `sau-${i}.xlsx`)));
    await expect(slow).rejects.toThrow('cham.xlsx: đọc tệp quá 0 giây nên đã dừng');
    expect(await before).toBe(1);
    expect(await Promise.all(after)).toEqual([2, 3, 4]);
  });

  it('refuses a file past its memory alone, and goes on with the others', async () => {
    const before = first(parseWorkbook(small(1), 'truoc.xlsx'));
    const big = parseWorkbook(large, 'lon.xlsx', { ...DEFAULT_PARSE_LIMITS, maxMemoryMb: 16 });
    const after = [5, 6].map((i) => first(parseWorkbook(small(i), `sau-${i}.xlsx`)));
    await expect(big).rejects.toThrow('lon.xlsx: tệp cần quá nhiều bộ nhớ để đọc (giới hạn 16 MB)');
    expect(await before).toBe(1);
    expect(await Promise.all(after)).toEqual([5, 6]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../shared/domain/clipboard';

describe('clipboard blocks', () => {
  it('reads a block copied from Excel (CRLF, trailing newline, empty cells)', () => {
    expect(parseTsv('58,82\t100\r\n1.234\t\t7\r\n')).toEqual([['58,82', '100'], ['1.234', '', '7']]);
  });

  it('reads quoted cells with tabs, newlines and quotes', () => {
    expect(parseTsv('"dòng 1\ndòng 2"\t"có ""ngoặc"""\n')).toEqual([['dòng 1\ndòng 2', 'có "ngoặc"']]);
  });

  it('reads a single value without newline', () => {
    expect(parseTsv('16,8')).toEqual([['16,8']]);
  });

  it('writes what it reads', () => {
    const rows = [['a\tb', '1,5'], ['', 'x"y']];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});

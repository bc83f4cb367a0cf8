import { describe, expect, it } from 'vitest';
import { documentDateLine, documentNumber } from '../../shared/domain/documents';

describe('administrative document rules', () => {
  it('pads numbers under 10', () => {
    expect(documentNumber('5', 'BC-SLĐTBXH')).toBe('Số: 05/BC-SLĐTBXH');
    expect(documentNumber('15', 'BC-SLĐTBXH')).toBe('Số: 15/BC-SLĐTBXH');
    expect(documentNumber('', 'BC-UBND')).toBe('Số:       /BC-UBND');
  });

  it('pads days under 10 and months 1–2 only', () => {
    expect(documentDateLine('Kon Tum', '2026-12-05')).toBe('Kon Tum, ngày 05 tháng 12 năm 2026');
    expect(documentDateLine('Kon Tum', '2026-02-15')).toBe('Kon Tum, ngày 15 tháng 02 năm 2026');
    expect(documentDateLine('Quảng Ngãi', '2026-06-04')).toBe('Quảng Ngãi, ngày 04 tháng 6 năm 2026');
  });
});

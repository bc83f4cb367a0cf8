import { describe, expect, it } from 'vitest';
import { checkChangeDate, formatIsoDate, isRealDate, parseVnDate, treeAt, versionAt } from '../../shared/domain/org-units';

const versions = [
  { name: 'Sở Lao động - Thương binh và Xã hội', parentId: 1, validFrom: '2020-01-01', validTo: '2025-03-01' },
  { name: 'Sở Nội vụ', parentId: 1, validFrom: '2025-03-01', validTo: null },
];

describe('unit history', () => {
  it('resolves the name valid on a date, end date exclusive', () => {
    expect(versionAt(versions, '2024-12-05')?.name).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(versionAt(versions, '2025-02-28')?.name).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(versionAt(versions, '2025-03-01')?.name).toBe('Sở Nội vụ');
    expect(versionAt(versions, '2019-12-31')).toBeUndefined();
  });

  it('accepts a change only after the last one', () => {
    expect(checkChangeDate(versions, '2025-06-01').ok).toBe(true);
    const early = checkChangeDate(versions, '2025-03-01');
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error).toContain('01/03/2025');
    const closed = checkChangeDate([{ ...versions[0]! }], '2026-01-01');
    expect(closed.ok).toBe(false);
  });

  it('builds the tree of a date', () => {
    const units = [
      { id: 1, versions: [{ name: 'Tỉnh', parentId: null, validFrom: '2020-01-01', validTo: null }] },
      { id: 2, versions: [{ name: 'Huyện A', parentId: 1, validFrom: '2020-01-01', validTo: '2025-07-01' }] },
      {
        id: 3,
        versions: [
          { name: 'Xã B', parentId: 2, validFrom: '2020-01-01', validTo: '2025-07-01' },
          { name: 'Xã B', parentId: 1, validFrom: '2025-07-01', validTo: null },
        ],
      },
    ];
    expect(treeAt(units, '2024-06-30').get(2)?.map((u) => u.id)).toEqual([3]);
    expect(treeAt(units, '2026-06-30').get(1)?.map((u) => u.id)).toEqual([3]);
    expect(treeAt(units, '2026-06-30').get(2)).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads and prints Vietnamese dates', () => {
    expect(parseVnDate('05/12/2026')).toBe('2026-12-05');
    expect(parseVnDate('5/6/2026')).toBe('2026-06-05');
    expect(parseVnDate('2026-06-05')).toBe('2026-06-05');
    expect(parseVnDate('31/02/2026')).toBeNull();
    expect(parseVnDate('hôm nay')).toBeNull();
    expect(formatIsoDate('2026-12-05')).toBe('05/12/2026');
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2025-02-29')).toBe(false);
  });
});

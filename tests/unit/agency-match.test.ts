import { describe, expect, it } from 'vitest';
import { matchAgency, splitAgencies, splitList, type UnitNames } from '../../shared/domain/agency-match';

const units: UnitNames[] = [
  { id: 1, kind: 'province', parentId: null, names: ['Tỉnh Kon Tum'] },
  { id: 2, kind: 'department', parentId: 1, names: ['Sở Y tế'] },
  { id: 3, kind: 'department', parentId: 1, names: ['Sở Nội vụ', 'Sở Lao động - Thương binh và Xã hội'] },
  { id: 4, kind: 'agency', parentId: 1, names: ['Bộ Chỉ huy Quân sự tỉnh'] },
  { id: 5, kind: 'department', parentId: 1, names: ['Công an tỉnh'] },
  { id: 6, kind: 'department', parentId: 1, names: ['Sở Văn hóa, Thể thao và Du lịch'] },
  { id: 7, kind: 'department', parentId: 1, names: ['Sở Giáo dục và Đào tạo'] },
];

describe('agencies named in a plan', () => {
  it('splits a lead from its cooperating agencies and keeps names with commas whole', () => {
    expect(splitAgencies('Sở Y tế chủ trì, phối hợp với các địa phương, đơn vị liên quan')).toEqual({ lead: 'Sở Y tế', others: ['các địa phương, đơn vị liên quan'] });
    expect(splitList('Sở Lao động - Thương binh và Xã hội; các sở, ban, ngành, đơn vị liên quan; UBND các huyện, thành phố')).toEqual([
      'Sở Lao động - Thương binh và Xã hội',
      'các sở, ban, ngành, đơn vị liên quan',
      'UBND các huyện, thành phố',
    ]);
    expect(splitList('Sở Văn hóa, Thể thao và Du lịch, Công an tỉnh, Trạm Y tế')).toEqual(['Sở Văn hóa, Thể thao và Du lịch', 'Công an tỉnh', 'Trạm Y tế']);
  });

  it('matches by any name the unit has had, by abbreviation, and says when it is not sure', () => {
    expect(matchAgency('Sở Y tế', units)).toEqual({ kind: 'unit', unitId: 2, name: 'Sở Y tế', why: 'đúng tên đơn vị', sure: true });
    expect(matchAgency('Sở Lao động - Thương binh và Xã hội', units)).toMatchObject({ unitId: 3, sure: true, why: '"Sở Lao động - Thương binh và Xã hội" là tên cũ hoặc tên viết tắt của Sở Nội vụ' });
    expect(matchAgency('Bộ CHQS tỉnh', units)).toMatchObject({ unitId: 4, why: '"Bộ CHQS tỉnh" là viết tắt của Bộ Chỉ huy Quân sự tỉnh' });
    expect(matchAgency('Sở GDĐT', units)).toMatchObject({ unitId: 7 });
    expect(matchAgency('Sở Y tế tỉnh Kon Tum', units)).toMatchObject({ unitId: 2, sure: false });
    expect(matchAgency('UBND các huyện, thành phố', units)).toMatchObject({ kind: 'group', group: 'districts' });
    expect(matchAgency('Ủy ban nhân dân các xã', units)).toMatchObject({ kind: 'group', group: 'communes' });
    expect(matchAgency('Các sở, ban ngành, đơn vị liên quan', units)).toMatchObject({ kind: 'group', group: 'related' });
    expect(matchAgency('Trạm Y tế', units)).toEqual({ kind: 'none', why: 'không có đơn vị nào tên "Trạm Y tế"' });
    expect(matchAgency('Công an phường', units)).toMatchObject({ kind: 'none' });
  });
});

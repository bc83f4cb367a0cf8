import { describe, expect, it } from 'vitest';
import { treeLineText } from '../../shared/api/merge-text';
import type { MergeView } from '../../shared/api/types';

type Tree = MergeView['tree'];
const unit = (id: number, kind: Tree[number]['kind'], parentId: number, depth: number): Tree[number] => ({ id, name: `U${id}`, kind, parentId, depth, isSample: false, reported: false });
const view = (parentUnitName: string, tree: Tree): Pick<MergeView, 'parentUnitName' | 'tree' | 'units'> => ({
  parentUnitName,
  tree,
  units: tree.filter((u) => u.depth === 1).map((u) => ({ id: u.id, name: u.name, kind: u.kind, reported: false, late: false, status: 'missing' as const })),
});

describe('the tree a merge goes through, in words', () => {
  it('names a 2024 province: districts, communes and its departments', () => {
    const tree = [unit(1, 'district', 0, 1), unit(2, 'district', 0, 1), unit(3, 'commune', 1, 2), unit(4, 'commune', 1, 2), unit(5, 'commune', 2, 2), unit(6, 'department', 0, 1)];
    expect(treeLineText(view('Tỉnh Kon Tum', tree))).toEqual({ path: 'Tỉnh Kon Tum → 2 đơn vị cấp huyện → 3 đơn vị cấp xã', others: '1 sở, ngành', standIn: 'Đơn vị cấp huyện chưa gửi báo cáo thì lấy tổng của các xã trực thuộc.' });
  });

  it('names the ministry\'s provinces as provinces, not as departments, in Vietnamese numbers', () => {
    const provinces = Array.from({ length: 34 }, (_, i) => unit(100 + i, 'province', 0, 1));
    const communes = Array.from({ length: 3321 }, (_, i) => unit(1000 + i, 'commune', 100 + (i % 34), 2));
    const agencies = Array.from({ length: 20 }, (_, i) => unit(9000 + i, 'department', 0, 1));
    expect(treeLineText(view('Bộ Y tế', [...provinces, ...agencies, ...communes]))).toEqual({ path: 'Bộ Y tế → 34 tỉnh, thành phố → 3.321 đơn vị cấp xã', others: '20 cơ quan', standIn: 'Đơn vị cấp tỉnh chưa gửi báo cáo thì lấy tổng của các xã trực thuộc.' });
  });

  it('names a province since July 2025: its communes straight under it, no middle tier', () => {
    const tree = [unit(1, 'commune', 0, 1), unit(2, 'commune', 0, 1), unit(3, 'department', 0, 1)];
    expect(treeLineText(view('Tỉnh Quảng Ngãi', tree))).toEqual({ path: 'Tỉnh Quảng Ngãi → 2 đơn vị cấp xã', others: '1 sở, ngành', standIn: null });
  });
});

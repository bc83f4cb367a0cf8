import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, callError, testBackend } from '../helpers/backend';

describe('organisation units with history', () => {
  let backend: Backend;
  let province: number;
  let districtA: number;
  let districtB: number;
  let commune: number;

  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-01-15T03:00:00Z') });
    province = (await call(backend, 'unit-create', { code: 'T', name: 'Tỉnh Kon Tum', kind: 'province', parentId: null, validFrom: '2020-01-01' })).id;
    districtA = (await call(backend, 'unit-create', { code: 'T.A', name: 'Huyện Sa Thầy', kind: 'district', parentId: province, validFrom: '2020-01-01' })).id;
    districtB = (await call(backend, 'unit-create', { code: 'T.B', name: 'Huyện Ia H’Drai', kind: 'district', parentId: province, validFrom: '2020-01-01' })).id;
    commune = (await call(backend, 'unit-create', { code: 'T.B.1', name: 'Xã Ia Tơi', kind: 'commune', parentId: districtB, validFrom: '2020-01-01' })).id;
  });
  afterAll(() => backend.close());

  it('renames from a date and keeps the old name for earlier dates', async () => {
    await call(backend, 'settings-set', { userName: 'Nguyễn Thị Lan', organisationName: '', place: '' });
    const renamed = await call(backend, 'unit-rename', { id: province, name: 'Tỉnh Quảng Ngãi', effectiveOn: '2025-07-01', note: 'Nghị quyết sắp xếp' });
    expect(renamed.name).toBe('Tỉnh Quảng Ngãi');
    expect(renamed.versions.map((v) => [v.name, v.validFrom, v.validTo, v.eventKind])).toEqual([
      ['Tỉnh Kon Tum', '2020-01-01', '2025-07-01', 'create'],
      ['Tỉnh Quảng Ngãi', '2025-07-01', null, 'rename'],
    ]);
    const in2024 = await call(backend, 'unit-list', { asOf: '2024-12-05' });
    expect(in2024.find((u) => u.id === province)!.name).toBe('Tỉnh Kon Tum');
    const in2026 = await call(backend, 'unit-list', { asOf: '2026-06-05' });
    expect(in2026.find((u) => u.id === province)!.name).toBe('Tỉnh Quảng Ngãi');
    // A child's parent name follows the date too.
    const child = in2024.find((u) => u.id === districtA)!;
    expect(child.versions[0]!.parentName).toBe('Tỉnh Kon Tum');
    // And the audit trail says who did it, from what, to what, why.
    const audit = backend.database.raw.prepare("SELECT user_name, before_json, after_json, reason FROM audit_log WHERE entity = 'unit' AND action = 'rename'").get() as Record<string, string>;
    expect(audit.user_name).toBe('Nguyễn Thị Lan');
    expect(JSON.parse(audit.before_json!).name).toBe('Tỉnh Kon Tum');
    expect(JSON.parse(audit.after_json!).name).toBe('Tỉnh Quảng Ngãi');
    expect(audit.reason).toBe('Nghị quyết sắp xếp');
  });

  it('refuses a change dated before the last one, and a same-name rename', async () => {
    const early = await callError(backend, 'unit-rename', { id: province, name: 'Tỉnh X', effectiveOn: '2025-01-01' });
    expect(early.type).toBe('validation');
    expect(early.message).toContain('ngày hiệu lực phải sau ngày 01/07/2025');
    const same = await callError(backend, 'unit-rename', { id: province, name: 'Tỉnh Quảng Ngãi', effectiveOn: '2026-01-01' });
    expect(same.message).toBe('Tên mới của "Tỉnh Quảng Ngãi" trùng với tên hiện tại.');
    const badDate = await callError(backend, 'unit-rename', { id: province, name: 'Tỉnh X', effectiveOn: '2025-02-30' });
    expect(badDate.message).toContain('ngày không có thật');
  });

  it('refuses to dissolve a unit that still has children, and merges them instead', async () => {
    const refused = await callError(backend, 'unit-dissolve', { id: districtB, effectiveOn: '2025-07-01' });
    expect(refused.message).toContain('còn 1 đơn vị trực thuộc');
    const target = await call(backend, 'unit-merge', { sourceIds: [districtB], targetId: districtA, effectiveOn: '2025-07-01', note: 'Sáp nhập' });
    expect(target.id).toBe(districtA);
    const list2026 = await call(backend, 'unit-list', { asOf: '2026-01-01' });
    expect(list2026.find((u) => u.id === districtB)).toBeUndefined();
    expect(list2026.find((u) => u.id === commune)!.parentId).toBe(districtA);
    const list2024 = await call(backend, 'unit-list', { asOf: '2024-01-01' });
    expect(list2024.find((u) => u.id === commune)!.parentId).toBe(districtB);
    const merged = await call(backend, 'unit-get', { id: districtB });
    expect(merged).toMatchObject({ dissolvedOn: '2025-07-01', successorId: districtA, successorName: 'Huyện Sa Thầy' });
    const again = await callError(backend, 'unit-rename', { id: districtB, name: 'Y', effectiveOn: '2026-01-01' });
    expect(again.message).toContain('đã giải thể');
  });

  it('refuses cycles and duplicate codes', async () => {
    const cycle = await callError(backend, 'unit-move', { id: province, parentId: commune, effectiveOn: '2026-02-01' });
    expect(cycle.message).toContain('chính nó');
    const dup = await callError(backend, 'unit-create', { code: 'T.A', name: 'Khác', kind: 'district', parentId: province, validFrom: '2020-01-01' });
    expect(dup).toMatchObject({ type: 'conflict', message: 'Mã đơn vị "T.A" đã được dùng.' });
    const badCode = await callError(backend, 'unit-create', { code: 'Sở Y tế', name: 'Sở Y tế', kind: 'department', parentId: province, validFrom: '2020-01-01' });
    expect(badCode.message).toContain('Mã đơn vị chỉ gồm chữ không dấu');
  });

  it('dissolves a unit without children', async () => {
    const u = await call(backend, 'unit-dissolve', { id: commune, effectiveOn: '2026-03-01' });
    expect(u.dissolvedOn).toBe('2026-03-01');
    expect((await call(backend, 'unit-list', { asOf: '2026-03-01' })).some((x) => x.id === commune)).toBe(false);
    expect((await call(backend, 'unit-list', { asOf: '2026-02-28' })).some((x) => x.id === commune)).toBe(true);
  });
});

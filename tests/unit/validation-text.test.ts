/** Rejected arguments are said in Vietnamese about the field, never with the contract's internal names. */
import { describe, expect, it } from 'vitest';
import { apiMethods } from '../../shared/api/contract';
import { validationText, type IssueLike } from '../../shared/api/validation-text';

const why = (method: keyof typeof apiMethods, args: unknown) => {
  const r = apiMethods[method].safeParse(args);
  if (r.success) throw new Error(`${method} accepted ${JSON.stringify(args)}`);
  return validationText(r.error.issues[0] as IssueLike);
};

describe('validation messages', () => {
  it('names the field the way the screen does, with what is wrong', () => {
    expect(why('settings-set', { userName: 'a', organisationName: 'x'.repeat(201), place: '' })).toBe('Tên cơ quan dài quá 200 ký tự.');
    expect(why('settings-set', { userName: 'a', organisationName: 'b', place: 5 })).toBe('Địa danh không đúng kiểu (cần chữ).');
    expect(why('settings-set', { organisationName: 'b', place: '' })).toBe('Thiếu tên người dùng.');
    expect(why('plan-get', { id: 'abc' })).toBe('Mục đã chọn không đúng kiểu (cần một số).');
  });

  it("keeps the contract's own Vietnamese message, with the field in front when it does not say it", () => {
    expect(why('merge-override', { periodId: 1, measureId: 1, value: 3, reason: 'ngắn' })).toBe('Lý do: cần ghi lý do sửa (ít nhất 5 ký tự).');
  });

  it('never shows an internal name, for any field the contract has', () => {
    const names = ['organisationName', 'userName', 'unitLabel', 'dataTo', 'dueOn', 'rateFactor', 'periodId'];
    for (const n of names) {
      const text = validationText({ code: 'too_big', path: [n], message: 'Too big', origin: 'string', maximum: 10 });
      expect(text).not.toContain(n);
      expect(text).toMatch(/^[A-ZĐÂ-Ỹ]/u);
    }
    expect(validationText({ code: 'too_small', path: ['deadlines', 1, 'dueOn'], message: 'Too small', origin: 'string', minimum: 1 })).toBe('Cần nhập hạn nộp.');
    expect(validationText({ code: 'too_big', path: ['deadlines', 1], message: 'x', origin: 'number', maximum: 3 })).toBe('Hạn nộp thứ 2 phải không lớn hơn 3.');
    expect(validationText({ code: 'custom', path: ['somethingInternal'], message: 'Invalid input' })).toBe('Một ô không hợp lệ.');
  });
});

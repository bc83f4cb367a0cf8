import { describe, expect, it } from 'vitest';
import { addDays, daysUntil, deadlineWords, missingReportMessage, owedText, remindWindow } from '../../shared/domain/reminders';

describe('when to remind, and in what words', () => {
  it('opens from N days before the next deadline and stays open once it has passed', () => {
    const deadlines = ['2026-11-30', '2026-12-05', '2026-12-05'];
    expect(remindWindow(deadlines, '2026-11-24', 5)).toEqual({ dueOn: '2026-11-30', daysLeft: 6, open: false });
    expect(remindWindow(deadlines, '2026-11-25', 5)).toEqual({ dueOn: '2026-11-30', daysLeft: 5, open: true });
    // The communes' day has passed: the departments' is next.
    expect(remindWindow(deadlines, '2026-12-04', 5)).toEqual({ dueOn: '2026-12-05', daysLeft: 1, open: true });
    expect(remindWindow(deadlines, '2026-12-09', 0)).toEqual({ dueOn: '2026-12-05', daysLeft: -4, open: true });
    expect(remindWindow([], '2026-12-09', 5)).toEqual({ dueOn: null, daysLeft: null, open: false });
  });

  it('counts days across months and years, and says where the deadline stands', () => {
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysUntil('2024-12-30', '2025-01-02')).toBe(3);
    expect(deadlineWords('2026-12-05', 3)).toBe('còn 3 ngày đến hạn 05/12/2026');
    expect(deadlineWords('2026-12-05', 0)).toBe('hạn nộp là hôm nay (05/12/2026)');
    expect(deadlineWords('2026-12-05', -2)).toBe('đã quá hạn 05/12/2026 2 ngày');
  });

  it('names what a unit owes: its measures and its tasks, long lists shortened', () => {
    expect(owedText({ measures: ['1.1', '1.2'], tasks: ['I.1', 'II.3'] })).toBe('2 chỉ tiêu (1.1, 1.2) và 2 nhiệm vụ (I.1, II.3)');
    expect(owedText({ measures: [], tasks: ['I.1'] })).toBe('1 nhiệm vụ (I.1)');
    const many = Array.from({ length: 15 }, (_, i) => String(i + 1));
    expect(owedText({ measures: many, tasks: [] })).toBe('15 chỉ tiêu (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 và 3 mục khác)');
    expect(owedText({ measures: [], tasks: [] })).toBe('phần nội dung báo cáo (không có chỉ tiêu, nhiệm vụ riêng)');
  });

  it('writes the message to a unit that has sent nothing, before and after the deadline', () => {
    const base = { unitName: 'Xã Bờ Y', compiledBy: 'Sở Y tế', periodName: 'Năm 2026', dueOn: '2026-11-30', owed: { measures: ['1.1'], tasks: ['I.2'] } };
    expect(missingReportMessage({ ...base, today: '2026-11-27', newDueOn: null })).toBe(
      'Kính gửi Xã Bờ Y,\n\nĐến ngày 27/11/2026, Sở Y tế chưa nhận được báo cáo Năm 2026 của đơn vị (hạn nộp 30/11/2026).\nBáo cáo gồm 1 chỉ tiêu (1.1) và 1 nhiệm vụ (I.2), điền vào biểu mẫu đã gửi.\nĐề nghị đơn vị gửi báo cáo trước ngày 30/11/2026.\n\nTrân trọng.',
    );
    const late = missingReportMessage({ ...base, today: '2026-12-04', newDueOn: '2026-12-09' });
    expect(late).toContain('(hạn nộp 30/11/2026, đã quá hạn)');
    expect(late).toContain('Đề nghị đơn vị gửi báo cáo trước ngày 09/12/2026.');
    expect(missingReportMessage({ ...base, today: '2026-12-04', newDueOn: null })).toContain('Đề nghị đơn vị gửi báo cáo ngay.');
  });
});

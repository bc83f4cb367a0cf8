/** What `audit verify` says, in Vietnamese: the chain whole, or where it breaks. */
import type { ChainCheck } from './audit-chain';
import { formatVnNumber } from './vn-number';
import { vietnamDateTime } from './vietnam-time';

export interface AuditVerdict extends ChainCheck {
  ok: boolean;
  message: string;
}

export function auditVerdict(check: ChainCheck): AuditVerdict {
  const b = check.broken;
  if (!b) return { ...check, ok: true, message: `Nhật ký thay đổi nguyên vẹn: ${formatVnNumber(check.rows)} dòng, chuỗi mã kiểm tra khớp từ đầu đến cuối.` };
  const where = `dòng số ${formatVnNumber(b.id)}${b.at ? ` (ghi lúc ${vietnamDateTime(b.at)})` : ''}`;
  const why =
    b.why === 'changed' ? `${where} đã bị sửa sau khi ghi` : b.why === 'removed_before' ? `ngay trước ${where} có dòng bị xoá hoặc bị chèn thêm` : `${where} không có mã kiểm tra (được thêm ngoài TongHop)`;
  return { ...check, ok: false, message: `Nhật ký thay đổi không còn nguyên vẹn: ${why}. Hãy so với bản sao lưu gần nhất.` };
}

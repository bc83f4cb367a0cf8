/**
 * Storage problems (db/storage-error.ts) said to the user: what is wrong with the data file and
 * what to do, in Vietnamese. The one place where those facts become sentences.
 */
import { vietnamDateTime } from '../../shared/domain/vietnam-time';
import { StorageError, classifyStorageError } from './db/storage-error';
import { UserError } from './errors';

export function storageMessage(e: StorageError): UserError {
  const where = `"${e.file}"`;
  switch (e.problem) {
    case 'disk_full':
      return new UserError('conflict', `Ổ đĩa chứa tệp dữ liệu ${where} đã đầy. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đã có không bị thay đổi.`);
    case 'read_only':
      return new UserError('conflict', `Không ghi được vào thư mục dữ liệu ${where} (thư mục chỉ đọc hoặc không có quyền ghi). Hãy chọn thư mục khác hoặc nhờ quản trị máy cấp quyền ghi.`);
    case 'not_a_database':
      return new UserError('validation', `Tệp ${where} không phải tệp dữ liệu TongHop hoặc đã bị hỏng. Hãy khôi phục từ một bản sao lưu.`);
    case 'cannot_open':
      return new UserError('conflict', `Không mở được tệp dữ liệu ${where}: ổ đĩa không đọc/ghi được hoặc thư mục không có quyền ghi.`);
    case 'newer_version':
      return new UserError(
        'conflict',
        `Tệp dữ liệu này được tạo bởi phiên bản TongHop mới hơn (có thay đổi cấu trúc "${(e.details.migrations ?? []).join(', ')}"). ` +
          'Hãy cập nhật TongHop lên phiên bản mới nhất; dữ liệu không bị thay đổi.',
      );
    case 'in_use': {
      const holder = e.details.holder;
      const since = holder?.startedAt ? ` từ ${vietnamDateTime(holder.startedAt)}` : '';
      const by = !holder || holder.sameMachine ? `một cửa sổ TongHop khác trên máy này${holder ? ` (tiến trình ${holder.pid})` : ''}` : `TongHop trên máy "${holder.host}"`;
      return new UserError('conflict', `Tệp dữ liệu ${where} đang được ${by} sử dụng${since}. Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại TongHop. Dữ liệu không bị thay đổi.`);
    }
    case 'lock_failed':
      return new UserError('conflict', `Không tạo được khoá cho tệp dữ liệu ${where}. Hãy thử lại.`);
  }
}

/** Any error from opening or writing the data file: a storage problem said plainly, else the error itself. */
export function storageError(e: unknown, file: string): UserError | Error {
  if (e instanceof UserError) return e;
  const classified = classifyStorageError(e, file);
  return classified instanceof StorageError ? storageMessage(classified) : classified;
}

/** An error meant for the user: its message is Vietnamese and says what is wrong and where. */
import type { ApiErrorType } from '../../shared/api/contract';

export class UserError extends Error {
  constructor(
    readonly type: Exclude<ApiErrorType, 'internal' | 'transport' | 'unknown_method'>,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const notFound = (what: string) => new UserError('not_found', `Không tìm thấy ${what}.`);

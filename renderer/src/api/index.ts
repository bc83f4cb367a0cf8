import { createApi } from './client';
import { electronTransport } from './transport-electron';
import { httpTransport } from './transport-http';

export { ApiError } from './client';
export const api = createApi(window.tonghop ? electronTransport(window.tonghop) : httpTransport);

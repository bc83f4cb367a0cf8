import type { ApiMethod, ApiParsedArgs, ApiResult } from '../../../shared/api/contract';
import type { BackendContext } from '../context';

export type Handler<M extends ApiMethod> = (args: ApiParsedArgs<M>, ctx: BackendContext) => Promise<ApiResult<M>>;
export type HandlerSlice<K extends ApiMethod> = { [M in K]: Handler<M> };
export type Handlers = HandlerSlice<ApiMethod>;

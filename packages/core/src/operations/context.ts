import type { SuccessResponse, UpstreamRequest } from '../http/executor.js';

/** What an operation needs from the client: a way to send a request through the pipeline. */
export interface OperationContext {
  execute(req: UpstreamRequest): Promise<SuccessResponse>;
}

// What a route is and what it receives. One route per file under routes/v3 and routes/v1.
import type { IncomingMessage } from 'node:http';
import type { VisionBackend } from '../analysis/types.js';
import type { ErrorFormat } from '../errors/render-error.js';
import type { Reply } from '../http/respond.js';
import type { Query } from '../http/query.js';
import type { ApiVersion, ResolvedOptions } from '../options.js';
import type { OperationStore } from '../read/operation-store.js';

export interface RouteContext {
  req: IncomingMessage;
  query: Query;
  /** Path parameters with their original casing, e.g. `{ model: 'celebrities' }`. */
  params: Record<string, string>;
  requestId: string;
  /** Aborted when the client disconnects before the answer is written. */
  signal: AbortSignal;
  backend: VisionBackend;
  options: ResolvedOptions;
  operations: OperationStore;
  /** `http://host:port` as the client addressed us (Host header), for Operation-Location. */
  baseUrl: string;
}

export interface Route {
  method: 'GET' | 'POST';
  version: ApiVersion;
  /** Path under the version prefix; `{name}` segments are parameters. Matched case-insensitively. */
  path: string;
  operation: string;
  errorFormat: ErrorFormat;
  handle(ctx: RouteContext): Promise<Reply>;
}

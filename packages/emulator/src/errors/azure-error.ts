// One error the emulator answers with. Routes throw it; the pipeline renders it in the error
// format of the API version that was called (see render-error.ts).

export type OuterCode =
  | 'InvalidRequest'
  | 'InvalidArgument'
  | 'InternalServerError'
  | 'ServiceUnavailable';

export interface AzureErrorInit {
  status: number;
  /** The specific code: `innererror.code` in v3.2, `code` in v1.0 and Read. */
  code: string;
  /** The specific message. */
  message: string;
  /** v3.2 wrapper code and message. */
  outerCode?: OuterCode;
  outerMessage?: string;
  /** Answered by the API gateway in front of the service (401, 429, unknown path): `{error:{code:"401",...}}`. */
  gateway?: boolean;
  headers?: Record<string, string>;
}

export class AzureError extends Error {
  override readonly name = 'AzureError';
  readonly status: number;
  readonly code: string;
  readonly outerCode: OuterCode;
  readonly outerMessage: string;
  readonly gateway: boolean;
  readonly headers: Record<string, string>;

  constructor(init: AzureErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.outerCode =
      init.outerCode ?? (init.status >= 500 ? 'InternalServerError' : 'InvalidRequest');
    this.outerMessage = init.outerMessage ?? init.message;
    this.gateway = init.gateway ?? false;
    this.headers = init.headers ?? {};
  }
}

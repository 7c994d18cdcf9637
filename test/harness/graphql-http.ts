// How the suites talk to a gateway: plain HTTP, as any client would, with a deadline so a hung
// gateway becomes an observation ("no answer in 20 s"), not a hung suite.

export interface GraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}
export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: GraphQLError[];
}
export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body was not JSON. */
  body: GraphQLBody | undefined;
  text: string;
  ms: number;
}

/** Headers a same-origin browser app or a server-side client sends. */
export const JSON_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
};

export async function send(
  url: string,
  init: RequestInit & { timeoutMs?: number },
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, {
    ...init,
    signal: init.signal ?? AbortSignal.timeout(init.timeoutMs ?? 20_000),
  });
  const text = await response.text();
  let body: GraphQLBody | undefined;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    body = undefined;
  }
  return {
    status: response.status,
    headers: response.headers,
    body,
    text,
    ms: performance.now() - started,
  };
}

export function postQuery(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<Answer> {
  return send(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ query, variables }),
    ...options,
  });
}

/** A GraphQL multipart request (one file in `$file`), as the gateway README's curl example. */
export function postUpload(
  gatewayUrl: string,
  query: string,
  file: Buffer,
  fileName: string,
  timeoutMs?: number,
): Promise<Answer> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { file: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new Blob([new Uint8Array(file)]), fileName);
  return send(`${gatewayUrl}/graphql`, {
    method: 'POST',
    // A non-browser client names itself the way CSRF prevention asks (yoga's default header).
    headers: {
      accept: 'application/json',
      'x-graphql-yoga-csrf': '1',
      'apollo-require-preflight': '1',
    },
    body: form,
    ...(timeoutMs !== undefined && { timeoutMs }),
  });
}

/** Error codes of an answer, in order (`(no code)` for an error without one). */
export function codesOf(answer: Answer): string[] {
  return (answer.body?.errors ?? []).map((e) => String(e.extensions?.['code'] ?? '(no code)'));
}

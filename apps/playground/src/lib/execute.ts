import type { TypedDocumentString } from '../gql/graphql.js';
import { graphqlBody } from './graphql-body.js';
import { type ExecutionResult, mergePayload } from './incremental.js';
import { multipartBoundary, readMultipartMixed } from './multipart-mixed.js';

/** The request failed before GraphQL could answer (network down, non-GraphQL response). */
export class RequestFailedError extends Error {
  override readonly name = 'RequestFailedError';
  readonly code = 'REQUEST_FAILED';
}

export interface ExecuteOptions {
  /** @default '/graphql' */
  endpoint?: string;
  signal?: AbortSignal;
}

/**
 * Sends one operation and yields the result after every part that arrives: once for a plain
 * JSON response, then again after each deferred patch for a multipart/mixed one.
 */
export async function* execute<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  options: ExecuteOptions = {},
): AsyncGenerator<ExecutionResult<TData>> {
  const body = graphqlBody(document.toString(), variables);
  const response = await fetch(options.endpoint ?? '/graphql', {
    method: 'POST',
    body,
    headers: {
      accept: 'multipart/mixed, application/graphql-response+json, application/json',
      // The gateway's CSRF prevention wants it on uploads (multipart is a "simple" request).
      'x-graphql-yoga-csrf': '1',
      // FormData sets its own multipart content type with the boundary
      ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const boundary = multipartBoundary(response.headers.get('content-type'));
  if (boundary && response.body) {
    let result: ExecutionResult<TData> | undefined;
    for await (const payload of readMultipartMixed(response.body, boundary)) {
      result = mergePayload(result, payload);
      yield result;
    }
    return;
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RequestFailedError(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  yield mergePayload<TData>(undefined, json);
}

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** A GraphQL error as the gateway sends it. */
export interface GatewayGraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A response whose `data` has the document's result type. */
export interface TypedResponse<TResult> {
  data?: TResult | null;
  errors?: GatewayGraphQLError[];
}

/**
 * Sends a codegen-typed document to a gateway: the result and the variables are checked by
 * TypeScript against the schema. Plain fetch, no client library.
 */
export async function typedRequest<TResult, TVariables>(
  endpoint: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TypedResponse<TResult>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  if (!response.headers.get('content-type')?.includes('json')) {
    throw new Error(
      `Expected a JSON response from ${endpoint}, got HTTP ${response.status} ${response.headers.get('content-type')}`,
    );
  }
  return (await response.json()) as TypedResponse<TResult>;
}

import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayMetrics, RequestOutcome } from './gateway-metrics.js';

export const METRICS_PATH = '/metrics';

interface Executed {
  type: string;
  root: string;
  errors: boolean;
}

/** Operation type and first root field name: both from the schema, never from client text. */
function describeOperation(document: DocumentNode, name: string | null | undefined): Executed {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operations.find((o) => (name ? o.name?.value === name : true)) ?? operations[0];
  const first = operation?.selectionSet.selections[0];
  const root = first?.kind === Kind.FIELD ? first.name.value : first ? 'fragment' : 'none';
  return { type: operation?.operation ?? 'none', root, errors: false };
}

/**
 * Serves `GET /metrics` (Prometheus text format) and counts each GraphQL request once its
 * response is ready: by operation type, root field and outcome, with its duration.
 */
export function useMetrics(metrics: GatewayMetrics, graphqlEndpoint: string): Plugin {
  const started = new WeakMap<Request, number>();
  const executed = new WeakMap<Request, Executed>();
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === METRICS_PATH && request.method === 'GET') {
        const body = await metrics.render();
        return endResponse(
          new Response(body, {
            headers: { 'content-type': metrics.contentType, 'cache-control': 'no-store' },
          }),
        );
      }
      if (url.pathname === graphqlEndpoint) started.set(request, performance.now());
      return undefined;
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return undefined;
      const info = describeOperation(args.document, args.operationName);
      executed.set(request, info);
      return {
        onExecuteDone({ result }) {
          if ('errors' in result && result.errors?.length) info.errors = true;
        },
      };
    },
    onResponse({ request, response }) {
      const start = started.get(request);
      if (start === undefined) return;
      const info = executed.get(request);
      let outcome: RequestOutcome = 'rejected';
      if (info && response.status < 400) outcome = info.errors ? 'error' : 'ok';
      metrics.graphqlRequest(
        { type: info?.type ?? 'none', root: info?.root ?? 'none', outcome },
        (performance.now() - start) / 1000,
      );
    },
  };
}

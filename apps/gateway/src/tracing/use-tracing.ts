import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
} from '@opentelemetry/api';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { tracingEnabled } from '@visiongraph/core';

// The OpenTelemetry API only: spans are recorded when an SDK is registered (see setupTracing);
// otherwise every call is a no-op.
const tracer = trace.getTracer('@visiongraph/gateway');

function operationOf(document: DocumentNode, name: string | null | undefined) {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return operations.find((o) => (name ? o.name?.value === name : true)) ?? operations[0];
}

const headerGetter = {
  keys: (headers: Headers) => [...headers.keys()],
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
};

/**
 * A span per GraphQL operation (`query Dog`), child of the caller's W3C trace context when the
 * request carries one. Execution runs inside it, so DataLoader batches and upstream attempts
 * nest below it.
 */
export function useTracing(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      // Checked per request: an SDK registered after the gateway started still gets its spans.
      if (!tracingEnabled()) return undefined;
      const operation = operationOf(args.document, args.operationName);
      const type = operation?.operation ?? 'query';
      const name = operation?.name?.value;
      const request = (args.contextValue as { request?: Request }).request;
      const parent = request
        ? propagation.extract(context.active(), request.headers, headerGetter)
        : context.active();
      const span: Span = tracer.startSpan(
        name ? `${type} ${name}` : type,
        {
          kind: SpanKind.SERVER,
          attributes: {
            'graphql.operation.type': type,
            ...(name && { 'graphql.operation.name': name }),
          },
        },
        parent,
      );
      const active = trace.setSpan(parent, span);
      setExecuteFn((execArgs) => context.with(active, () => executeFn(execArgs)));
      const finish = (errors: readonly unknown[] | undefined) => {
        if (errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: 'errors' });
        span.end();
      };
      return {
        onExecuteDone({ result }) {
          if (!(Symbol.asyncIterator in result)) {
            finish(result.errors);
            return undefined;
          }
          // @defer / @stream: the operation ends with its last part.
          let errors: unknown[] = [];
          return {
            onNext({ result: part }) {
              errors = [...errors, ...(part.errors ?? [])];
            },
            onEnd() {
              finish(errors);
            },
          };
        },
      };
    },
  };
}

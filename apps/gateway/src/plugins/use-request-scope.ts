import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { scopeOf, type RequestScope } from '../log/request-scope.js';

function collectCodes(scope: RequestScope | undefined, result: unknown): void {
  const errors = (result as ExecutionResult | undefined)?.errors;
  if (!scope || !errors) return;
  for (const error of errors) {
    const code = error.extensions?.['code'];
    scope.errorCodes.push(typeof code === 'string' ? code : 'UNKNOWN');
  }
}

/** Records the operation name, type and error codes of the request for its log line. */
export function useRequestScope(): Plugin {
  return {
    onParams({ params, context }) {
      const scope = scopeOf(context);
      if (scope && params.operationName) scope.operationName = params.operationName;
    },
    onExecute({ args }) {
      const scope = scopeOf(args.contextValue);
      const operation = getOperationAST(args.document, args.operationName);
      if (scope && operation) {
        scope.operationType = operation.operation;
        if (operation.name) scope.operationName = operation.name.value;
      }
      return {
        // Streamed (@defer) results: each part may carry errors of its own.
        onExecuteDone: () => ({ onNext: ({ result }) => collectCodes(scope, result) }),
      };
    },
    onResultProcess({ result, serverContext }) {
      const scope = scopeOf(serverContext);
      if (Array.isArray(result)) for (const part of result) collectCodes(scope, part);
      else if (!(Symbol.asyncIterator in Object(result))) collectCodes(scope, result);
    },
  };
}

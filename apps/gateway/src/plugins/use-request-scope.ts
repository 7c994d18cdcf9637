import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { currentScope } from '../log/request-scope.js';

function collectCodes(result: unknown): void {
  const scope = currentScope();
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
    onParams({ params }) {
      const scope = currentScope();
      if (scope && params.operationName) scope.operationName = params.operationName;
    },
    onExecute({ args }) {
      const scope = currentScope();
      const operation = getOperationAST(args.document, args.operationName);
      if (scope && operation) {
        scope.operationType = operation.operation;
        if (operation.name) scope.operationName = operation.name.value;
      }
      return {
        // Streamed (@defer) results: each part may carry errors of its own.
        onExecuteDone: () => ({ onNext: ({ result }) => collectCodes(result) }),
      };
    },
    onResultProcess({ result }) {
      if (Array.isArray(result)) result.forEach(collectCodes);
      else if (!(Symbol.asyncIterator in Object(result))) collectCodes(result);
    },
  };
}

import { handleStreamOrSingleExecutionResult } from '@envelop/core';
import { estimateTransactions, type SchemaContext } from '@visiongraph/schema';
import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { GatewayErrorCode } from '../errors/error-codes.js';
import { scopeOf } from '../log/request-scope.js';

export interface TransactionBudget {
  maxTransactions: number;
  maxImages: number;
  readPageLimit: number;
}

/** What every response says about its cost, in `extensions.transactions`. */
export interface TransactionReport {
  /** Upper bound computed before execution. */
  bound: number;
  limit: number;
  /** Transactions of the upstream calls this request made. */
  spent: number;
  /** Transactions the cache (or another request's call in flight) answered instead. */
  saved: number;
}

function refusal(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });
}

/**
 * Before any upstream call: bounds the Azure transactions the operation can spend (see
 * estimateTransactions) and refuses it, coded, when the bound or its distinct images are over
 * the limits. Every result of an operation that can cost something then carries
 * `extensions.transactions` (bound, limit, spent, saved);
 * a streamed (@defer) response carries it on its last part, when the figures are final.
 */
export function useTransactionBudget(budget: TransactionBudget): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as unknown as Partial<SchemaContext>;
      const estimate = estimateTransactions(args.schema, args.document, {
        operationName: args.operationName ?? null,
        variables: (args.variableValues ?? null) as Record<string, unknown> | null,
        readPageLimit: budget.readPageLimit,
        ...(context.visionApi && { visionApi: context.visionApi.mode }),
      });
      if (!estimate) return undefined; // execution reports what is wrong with the operation
      const meter = context.transactions;
      const report = (): TransactionReport => ({
        bound: estimate.transactions,
        limit: budget.maxTransactions,
        spent: meter?.spent ?? 0,
        saved: meter?.saved ?? 0,
      });
      const scope = scopeOf(args.contextValue);
      if (scope) scope.transactions = report;
      if (estimate.images > budget.maxImages) {
        setResultAndStopExecution({
          errors: [
            refusal(
              `The query names ${estimate.images} distinct images; the limit is ${budget.maxImages} per request (GATEWAY_MAX_IMAGES).`,
              {
                code: GatewayErrorCode.TOO_MANY_IMAGES,
                images: estimate.images,
                limit: budget.maxImages,
              },
            ),
          ],
          extensions: { transactions: report() },
        });
        return undefined;
      }
      if (estimate.transactions > budget.maxTransactions) {
        setResultAndStopExecution({
          errors: [
            refusal(
              `The query could cost up to ${estimate.transactions} Azure transactions; the limit is ${budget.maxTransactions} per request (GATEWAY_MAX_TRANSACTIONS).`,
              {
                code: GatewayErrorCode.TRANSACTION_BUDGET_EXCEEDED,
                bound: estimate.transactions,
                limit: budget.maxTransactions,
              },
            ),
          ],
          extensions: { transactions: report() },
        });
        return undefined;
      }
      return {
        onExecuteDone: (payload) =>
          handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            const final = (result as { hasNext?: boolean }).hasNext !== true;
            // An operation that cannot cost anything (models, __typename) has nothing to report.
            if (!final || estimate.transactions === 0) return;
            setResult({
              ...result,
              extensions: { ...result.extensions, transactions: report() },
            } as ExecutionResult);
          }),
      };
    },
  };
}

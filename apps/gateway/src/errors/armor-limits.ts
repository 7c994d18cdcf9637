// graphql-armor's protections, each tagging the error it rejects with with our code. armor's own
// errors carry no code (only a "Syntax Error: ... limit of N exceeded" message), so the code comes
// from which protection rejected, not from reading the message.
import type { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import { GatewayErrorCode } from './error-codes.js';

type ArmorConfig = NonNullable<Parameters<typeof EnvelopArmorPlugin>[0]>;

/** armor's default, kept explicit so the rejection is coded like the others. */
const MAX_DIRECTIVES = 50;

const rejectWith = (code: GatewayErrorCode, setting: string) => ({
  onReject: [
    (_context: unknown, error: GraphQLError): void => {
      // armor words every limit as a "Syntax Error"; the document parsed fine, it is over a limit.
      error.message = `${error.message.replace(/^Syntax Error: /, '').replace(/\.$/, '')} (${setting}).`;
      const extensions = error.extensions as Record<string, unknown>;
      extensions['code'] = code;
      // Yoga's rule for request errors: 400 for application/graphql-response+json clients,
      // 200 for plain application/json.
      extensions['http'] = { status: 400, spec: true };
    },
  ],
});

export function armorConfig(limits: {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
}): ArmorConfig {
  return {
    maxDepth: {
      n: limits.maxDepth,
      ...rejectWith(GatewayErrorCode.QUERY_TOO_DEEP, 'GATEWAY_MAX_DEPTH'),
    },
    maxAliases: {
      n: limits.maxAliases,
      ...rejectWith(GatewayErrorCode.TOO_MANY_ALIASES, 'GATEWAY_MAX_ALIASES'),
    },
    costLimit: {
      maxCost: limits.maxCost,
      ...rejectWith(GatewayErrorCode.QUERY_TOO_COSTLY, 'GATEWAY_MAX_COST'),
    },
    maxTokens: {
      n: limits.maxTokens,
      ...rejectWith(GatewayErrorCode.QUERY_TOO_LARGE, 'GATEWAY_MAX_TOKENS'),
    },
    maxDirectives: {
      n: MAX_DIRECTIVES,
      ...rejectWith(GatewayErrorCode.TOO_MANY_DIRECTIVES, `at most ${MAX_DIRECTIVES} directives`),
    },
    blockFieldSuggestion: { enabled: true },
  };
}

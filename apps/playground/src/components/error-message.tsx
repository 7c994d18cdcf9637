import type { GraphQLErrorShape } from '../lib/incremental.js';

/** One GraphQL error as `CODE: message`, the code set off so it can be spotted at a glance. */
export function ErrorMessage({
  error,
  className = 'error',
  testId,
}: {
  error: GraphQLErrorShape;
  className?: string;
  testId?: string;
}) {
  const code = error.extensions?.code;
  return (
    <p className={className} role="alert" data-testid={testId}>
      {code ? (
        <>
          <strong className="error-code">{code}</strong>:{' '}
        </>
      ) : null}
      {error.message}
    </p>
  );
}

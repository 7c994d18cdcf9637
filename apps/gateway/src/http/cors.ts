import type { CORSOptions } from 'graphql-yoga';

/**
 * Yoga's `cors` option: closed to foreign origins unless they are listed. A browser page on
 * another site gets no `access-control-allow-origin`, so it can neither read answers nor pass
 * the preflight a JSON POST needs (the playground and GraphiQL are same-origin and need none).
 * `*` in the list opens every origin, still without credentials: the gateway uses no cookies.
 */
export function corsFor(allowedOrigins: readonly string[]): (request: Request) => CORSOptions {
  const any = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins.map(normalizeOrigin));
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !(any || allowed.has(normalizeOrigin(origin)))) return false;
    return {
      origin: [origin],
      methods: ['GET', 'POST', 'OPTIONS'],
      credentials: false,
      maxAge: 600,
      // Not CORS-safelisted: without this a listed page could not read when to retry.
      exposedHeaders: ['retry-after'],
    };
  };
}

/** `https://App.example:443/` and `https://app.example` are the same origin. */
export function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

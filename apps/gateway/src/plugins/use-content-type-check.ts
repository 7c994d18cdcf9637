import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// What a POST to /graphql may carry: JSON (the GraphQL-over-HTTP spec), multipart (uploads, the
// GraphQL multipart request spec) and yoga's application/graphql. Form posts and text/plain are
// left out on purpose: a browser sends those cross-site without a preflight.
const ACCEPTED = ['application/json', 'multipart/form-data', 'application/graphql'];

function unsupported(got: string | null): GraphQLError {
  const what = got === null ? 'no Content-Type header' : `Content-Type "${got.slice(0, 100)}"`;
  return new GraphQLError(
    `POST /graphql needs Content-Type: application/json (multipart/form-data for uploads); got ${what}.`,
    { extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } } },
  );
}

/** Answers 415 UNSUPPORTED_MEDIA_TYPE, naming what was sent, before any body is read. */
export function useContentTypeCheck(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST') return;
      const header = request.headers.get('content-type');
      const mediaType = header?.split(';')[0]?.trim().toLowerCase();
      if (mediaType === undefined || !ACCEPTED.includes(mediaType)) throw unsupported(header);
    },
  };
}

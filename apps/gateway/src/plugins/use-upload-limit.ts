import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { GatewayErrorCode } from '../errors/error-codes.js';

interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

// Yoga's multipart parser hands out its own File class; duck typing works for both.
function isFileLike(value: unknown): value is FileLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FileLike).size === 'number' &&
    typeof (value as FileLike).arrayBuffer === 'function'
  );
}

function* filesIn(value: unknown, depth = 0): Generator<FileLike> {
  if (depth > 8 || typeof value !== 'object' || value === null) return;
  if (isFileLike(value)) {
    yield value;
    return;
  }
  for (const item of Array.isArray(value) ? value : Object.values(value))
    yield* filesIn(item, depth + 1);
}

/**
 * Refuses an operation whose variables hold an uploaded file above `maxBytes`, with
 * `IMAGE_TOO_LARGE` (HTTP 413) before any resolver runs. Whole bodies above the request limit
 * are refused earlier by yoga's `maxRequestBodySize`.
 */
export function useUploadLimit(maxBytes: number): Plugin {
  return {
    onParams({ params }) {
      for (const file of filesIn(params.variables)) {
        if (file.size <= maxBytes) continue;
        throw new GraphQLError(
          `Uploaded file ${JSON.stringify(file.name)} is ${file.size} bytes; the limit is ${maxBytes} bytes (MAX_UPLOAD_BYTES).`,
          {
            extensions: { code: GatewayErrorCode.IMAGE_TOO_LARGE, maxBytes, http: { status: 413 } },
          },
        );
      }
    },
  };
}

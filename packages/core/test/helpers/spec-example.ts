import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const examples = fileURLToPath(new URL('../../../../spec/azure/v3.2/examples/', import.meta.url));

/** The 200/202 body of an official Azure example (repo copy under spec/azure). */
export function exampleBody(file: string): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(`${examples}${file}`, 'utf8')) as {
    responses: Record<string, { body?: Record<string, unknown> }>;
  };
  const ok = doc.responses['200'] ?? doc.responses['202'];
  return ok?.body ?? {};
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const examples = fileURLToPath(new URL('../../../../spec/azure/v3.2/examples/', import.meta.url));
const ia40Examples = fileURLToPath(
  new URL('../../../../spec/azure/imageanalysis-2023-10-01/examples/', import.meta.url),
);

/** The 200 body of an official Image Analysis 4.0 example (repo copy under spec/azure). */
export function ia40ExampleBody(file: string): Record<string, unknown> {
  return exampleBody(file, ia40Examples);
}

/** The 200/202 body of an official Azure example (repo copy under spec/azure). */
export function exampleBody(file: string, folder = examples): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(`${folder}${file}`, 'utf8')) as {
    responses: Record<string, { body?: Record<string, unknown> }>;
  };
  const ok = doc.responses['200'] ?? doc.responses['202'];
  return ok?.body ?? {};
}

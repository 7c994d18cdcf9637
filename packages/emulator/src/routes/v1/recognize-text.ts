// POST /vision/v1.0/recognizeText: 202 + Operation-Location to textOperations/{id}.
// Accepts v1.0 `handwriting` (on the wire) and `detectHandwriting` (spec), and v2 `mode`.
import { READ_MODEL_VERSION } from '../../constants.js';
import { AzureErrors } from '../../errors/azure-error-factory.js';
import { loadRequestImage } from '../../http/image-input.js';
import type { Query } from '../../http/query.js';
import type { Route } from '../route.js';
import { RECOGNIZE_TEXT_RULES } from '../shared/image-rules.js';
import { parseBoolean } from '../shared/params.js';

function parseHandwriting(query: Query): boolean {
  const mode = query.get('mode');
  if (mode !== undefined) {
    if (mode.toLowerCase() === 'handwritten') return true;
    if (mode.toLowerCase() === 'printed') return false;
    throw AzureErrors.badArgument(`Mode '${mode}' is not valid. Use 'Handwritten' or 'Printed'.`);
  }
  const name = query.get('handwriting') !== undefined ? 'handwriting' : 'detectHandwriting';
  return parseBoolean(query.get(name), name, false);
}

export const recognizeTextV1: Route = {
  method: 'POST',
  version: 'v1.0',
  path: '/recognizeText',
  operation: 'recognizeText',
  errorFormat: 'v1',
  async handle(ctx) {
    const handwriting = parseHandwriting(ctx.query);
    const img = await loadRequestImage(ctx, RECOGNIZE_TEXT_RULES);
    const id = ctx.operations.start('v1.0', READ_MODEL_VERSION, (signal) =>
      ctx.backend.read(img, { pages: [1], readingOrder: 'basic', handwriting }, { signal }),
    );
    return {
      kind: 'empty',
      status: 202,
      headers: { 'Operation-Location': `${ctx.baseUrl}/vision/v1.0/textOperations/${id}` },
    };
  },
};

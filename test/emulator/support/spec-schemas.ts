// Validators for the emulator's answers, built from the official Swagger 2 definitions in
// spec/azure. Definitions are tightened for testing: no properties beyond the spec's, and every
// property required except those the spec or Azure's examples show as optional.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const SPEC_DIR = fileURLToPath(new URL('../../../spec/azure/', import.meta.url));
// ajv-formats is CJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Schema = Record<string, any>;
export type SpecName = 'v3.2' | 'read3.2' | 'v1.0' | 'ia4.0';

const FILES: Record<SpecName, string> = {
  'v3.2': 'v3.2/ComputerVision.json',
  'read3.2': 'v3.2/Ocr.json',
  'v1.0': 'v1.0/ComputerVision.json',
  'ia4.0': 'imageanalysis-2023-10-01/generated.json',
};

/** Properties that may be absent, per definition (everything else is required). */
const OPTIONAL: Record<SpecName, Record<string, string[]>> = {
  'v3.2': {
    // only the asked-for features are present
    ImageAnalysis: [
      'categories',
      'adult',
      'color',
      'imageType',
      'tags',
      'description',
      'faces',
      'objects',
      'brands',
    ],
    Category: ['detail'],
    CategoryDetail: ['celebrities', 'landmarks'],
    ImageTag: ['hint'],
    DetectedObject: ['parent'],
    ObjectHierarchy: ['parent'],
  },
  'read3.2': {
    ReadOperationResult: ['analyzeResult'],
    ReadResult: ['language'],
    Line: ['language'],
  },
  'v1.0': {
    ImageAnalysis: ['categories', 'adult', 'color', 'imageType', 'tags', 'description', 'faces'],
    Category: ['detail'],
    CategoryDetail: ['celebrities', 'landmarks'],
    // The spec lists requestId/metadata inside `description` too; Azure's example puts them at the top.
    ImageDescriptionDetails: ['requestId', 'metadata'],
    TextOperationResult: ['recognitionResult'],
  },
  'ia4.0': {
    // only the asked-for features are present
    ImageAnalysisResult: [
      'captionResult',
      'denseCaptionsResult',
      'objectsResult',
      'peopleResult',
      'readResult',
      'smartCropsResult',
      'tagsResult',
    ],
    'Azure.Core.Foundations.Error': ['target', 'details', 'innererror'],
    'Azure.Core.Foundations.InnerError': ['innererror', 'message'],
  },
};

/** Image Analysis 4.0's documented error example has innererror.message, which the spec omits. */
function ia40Patches(defs: Schema): void {
  defs['Azure.Core.Foundations.InnerError'].properties.message = { type: 'string' };
  // An image without text gets `readResult: {blocks: []}` from Azure (its SDK samples guard
  // for it); the spec's minItems 1 cannot describe that case.
  defs.ReadResult.properties.blocks.minItems = 0;
}

/** Where Azure's own examples go beyond the v1.0 definitions, follow the examples. */
function v1Patches(defs: Schema): void {
  // SuccessfulAnalyzeWithUrl.json returns detail.landmarks, which CategoryDetail does not declare.
  defs.CategoryDetail.properties.landmarks = {
    type: 'array',
    items: {
      type: 'object',
      properties: { name: { type: 'string' }, confidence: { type: 'number' } },
    },
  };
  // SuccessfulDescribeWithUrl.json has requestId and metadata at the top level.
  defs.ImageDescription.properties.requestId = { type: 'string' };
  defs.ImageDescription.properties.metadata = { $ref: '#/definitions/ImageMetadata' };
}

function tighten(schema: Schema, optional: string[]): void {
  if (schema.properties && typeof schema.properties === 'object') {
    schema.additionalProperties = false;
    schema.required = Object.keys(schema.properties).filter((p) => !optional.includes(p));
    for (const prop of Object.values(schema.properties as Record<string, Schema>)) {
      tighten(prop, []);
      if (prop.items) tighten(prop.items, []);
    }
  }
}

function definitions(name: SpecName): Schema {
  const defs = JSON.parse(readFileSync(SPEC_DIR + FILES[name], 'utf8')).definitions as Schema;
  if (name === 'v1.0') v1Patches(defs);
  if (name === 'ia4.0') ia40Patches(defs);
  for (const [def, schema] of Object.entries(defs)) tighten(schema, OPTIONAL[name][def] ?? []);
  return defs;
}

export function createValidators(): (spec: SpecName, definition: string) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('file', true);
  for (const name of Object.keys(FILES) as SpecName[])
    ajv.addSchema({ $id: `${name}.json`, definitions: definitions(name) });
  return (spec, definition) => {
    const v = ajv.getSchema(`${spec}.json#/definitions/${definition}`);
    if (!v) throw new Error(`no definition ${definition} in ${spec}`);
    return v;
  };
}

/** Validation errors as readable strings (empty when valid). */
export function problems(validate: ValidateFunction, body: unknown): string[] {
  return validate(body)
    ? []
    : (validate.errors ?? []).map(
        (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
      );
}

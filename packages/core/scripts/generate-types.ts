// Generates src/generated/spec-types.ts (v3.2) and src/generated/image-analysis-types.ts (Image
// Analysis 4.0) from the repo copies of the Azure Swagger 2.0 specs. Run with
// `pnpm --filter @visiongraph/core generate`. A test regenerates in memory and fails when a
// checked-in file is stale, so edit this script, never the output.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface SwaggerSchema {
  type?: string;
  description?: string;
  properties?: Record<string, SwaggerSchema>;
  required?: string[];
  items?: SwaggerSchema;
  enum?: string[];
  $ref?: string;
  pattern?: string;
  default?: unknown;
  'x-ms-enum'?: { name?: string };
}
interface SwaggerParameter extends SwaggerSchema {
  name: string;
  in: string;
}
interface SwaggerDoc {
  definitions: Record<string, SwaggerSchema>;
  parameters?: Record<string, SwaggerParameter>;
  paths?: Record<string, Record<string, { parameters?: (SwaggerParameter | { $ref: string })[] }>>;
  'x-ms-paths'?: SwaggerDoc['paths'];
}

/** The v3.2 spec files, relative to the repo's spec/azure folder, in output order. */
export const SPEC_FILES = ['v3.2/ComputerVision.json', 'v3.2/Ocr.json'] as const;
/** The Image Analysis 4.0 spec; its names clash with v3.2's, so it gets a file of its own. */
export const IA40_SPEC_FILES = ['imageanalysis-2023-10-01/generated.json'] as const;

/** Repo copy of the specs (never ../shared: a user's clone does not have it). */
export const DEFAULT_SPEC_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../spec/azure',
);
export const OUTPUT_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../src/generated/spec-types.ts',
);
export const IA40_OUTPUT_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../src/generated/image-analysis-types.ts',
);

// TypeSpec names its shared types `Azure.Core.Foundations.Error`: a dotted name is no TS
// identifier, and a bare `Error` would shadow the global, so the namespace becomes `AzureCore`.
const typeName = (name: string): string => {
  const bare = name.replace(/^Azure\.Core\.Foundations\./, 'AzureCore');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
};

function jsDoc(indent: string, schema: SwaggerSchema, extra: string[] = []): string {
  const lines = (schema.description ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/\*\//g, '*\\/')
    .split('\n');
  if (schema.pattern) extra.push(`@pattern ${schema.pattern}`);
  if (schema.default !== undefined) extra.push(`@default ${JSON.stringify(schema.default)}`);
  const body = [
    ...lines
      .map((l) => l.trimEnd())
      .filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1)),
    ...extra,
  ];
  if (body.length === 0) return '';
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

const union = (values: readonly string[]): string =>
  values.map((v) => `'${v.replace(/'/g, "\\'")}'`).join(' | ');

function tsType(schema: SwaggerSchema, indent: string): string {
  if (schema.$ref) return typeName(schema.$ref.split('/').pop() ?? 'unknown');
  if (schema.enum) return union(schema.enum);
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = tsType(schema.items ?? {}, indent);
      return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
    }
    default:
      return schema.properties ? objectLiteral(schema, indent) : 'Record<string, unknown>';
  }
}

function objectLiteral(schema: SwaggerSchema, indent: string): string {
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const members = Object.entries(schema.properties ?? {}).map(
    ([name, prop]) =>
      `${jsDoc(inner, prop)}${inner}${name}${required.has(name) ? '' : '?'}: ${tsType(prop, inner)};\n`,
  );
  return `{\n${members.join('')}${indent}}`;
}

function definition(name: string, schema: SwaggerSchema): string {
  const doc = jsDoc('', schema);
  if (schema.type === 'object' || schema.properties) {
    return `${doc}export interface ${typeName(name)} ${objectLiteral(schema, '')}\n`;
  }
  return `${doc}export type ${typeName(name)} = ${tsType(schema, '')};\n`;
}

// Enumerated query parameters become named unions (VisualFeatureTypes, Details, OcrLanguages...)
// plus a `<Name>Values` list, which the client uses to validate arguments before sending.
function parameterEnums(doc: SwaggerDoc, out: Map<string, string>): void {
  const inlineParams = Object.values({ ...doc.paths, ...doc['x-ms-paths'] }).flatMap((ops) =>
    Object.values(ops).flatMap((op) =>
      (op.parameters ?? []).filter((p): p is SwaggerParameter => !('$ref' in p)),
    ),
  );
  const named = [
    ...Object.entries(doc.parameters ?? {}),
    ...inlineParams.map((p) => [p.name, p] as const),
  ];
  for (const [key, param] of named) {
    const values = param.enum ?? param.items?.enum;
    if (!values) continue;
    const name = typeName(param['x-ms-enum']?.name ?? param.items?.['x-ms-enum']?.name ?? key);
    if (out.has(name)) continue;
    const doc = jsDoc('', { ...param, default: param.default }, [
      `Values of the \`${param.name}\` ${param.in} parameter.`,
    ]);
    const list = `export const ${name}Values: readonly ${name}[] = [${values.map((v) => `'${v}'`).join(', ')}];\n`;
    out.set(name, `${doc}export type ${name} = ${union(values)};\n${list}`);
  }
}

function generate(specDir: string, files: readonly string[], header: string[]): string {
  const definitions = new Map<string, string>();
  const enums = new Map<string, string>();
  for (const file of files) {
    const doc = JSON.parse(readFileSync(join(specDir, file), 'utf8')) as SwaggerDoc;
    for (const [name, schema] of Object.entries(doc.definitions)) {
      if (!definitions.has(typeName(name)))
        definitions.set(typeName(name), definition(name, schema));
    }
    parameterEnums(doc, enums);
  }
  return `${[...header, '/* eslint-disable */', ''].join('\n')}\n${[...definitions.values(), ...enums.values()].join('\n')}`;
}

/** Returns the full text of src/generated/spec-types.ts for the specs under `specDir`. */
export function generateSpecTypes(specDir: string = DEFAULT_SPEC_DIR): string {
  return generate(specDir, SPEC_FILES, [
    '// Generated by scripts/generate-types.ts from spec/azure/v3.2/ComputerVision.json and',
    '// spec/azure/v3.2/Ocr.json. Do not edit: change the script and run `pnpm generate`.',
  ]);
}

/** Returns the full text of src/generated/image-analysis-types.ts (Image Analysis 4.0). */
export function generateImageAnalysisTypes(specDir: string = DEFAULT_SPEC_DIR): string {
  return generate(specDir, IA40_SPEC_FILES, [
    '// Generated by scripts/generate-types.ts from spec/azure/imageanalysis-2023-10-01/generated.json',
    '// (Image Analysis 4.0). Do not edit: change the script and run `pnpm generate`.',
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(OUTPUT_FILE, generateSpecTypes());
  writeFileSync(IA40_OUTPUT_FILE, generateImageAnalysisTypes());
  console.log(`wrote ${OUTPUT_FILE} and ${IA40_OUTPUT_FILE}`);
}

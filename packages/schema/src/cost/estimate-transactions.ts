import {
  type DocumentNode,
  type FieldNode,
  getArgumentValues,
  getVariableValues,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { analyzeTransactions } from './transaction-meter.js';
import { IMAGE_FIELD_COSTS } from './image-field-costs.js';
import type { AnalyzeFeature } from '../loaders/analyze-features.js';
import type { VisionApiMode } from '../loaders/vision-api.js';

/** An upper bound of what one operation can spend, before anything runs. */
export interface TransactionEstimate {
  /** Most Azure transactions the operation can bill (cache hits would lower what it spends). */
  transactions: number;
  /** Distinct images it names (URLs after normalisation; each upload variable once). */
  images: number;
}

export interface EstimateOptions {
  operationName?: string | null;
  /** The request's variables, as sent (they are coerced here like execution does). */
  variables?: Record<string, unknown> | null;
  /** Pages a read may bill (the gateway asks Azure for at most this many). */
  readPageLimit: number;
  /**
   * Which API answers caption, tags and objects (default '3.2'). Under '4.0' and 'auto' they are
   * bounded as 4.0 features, one transaction each beside the v3.2 analyze: never less than the
   * v3.2 bound, so it holds whichever API auto mode ends up using.
   */
  visionApi?: VisionApiMode;
}

/** v3.2 analyze features whose field Image Analysis 4.0 answers when VISION_API allows. */
const DUAL_FEATURES: ReadonlySet<AnalyzeFeature> = new Set(['Description', 'Tags', 'Objects']);

interface ImageUse {
  features: Set<AnalyzeFeature>;
  /** Distinct non-analyze calls, by operation and arguments; the value is their cost. */
  calls: Map<string, number>;
}

/**
 * Bounds the Azure transactions an operation can spend, from the document and variables alone:
 * every alias, fragment and `images(urls:)` entry counts, a URL or upload named twice counts
 * once (the loaders share it), `@skip`/`@include` are assumed to include. Returns undefined when
 * the operation cannot run anyway (no such operation, bad variables): execution reports that.
 */
export function estimateTransactions(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: EstimateOptions,
): TransactionEstimate | undefined {
  const operation = pickOperation(document, options.operationName);
  if (!operation || operation.operation !== 'query') {
    return operation ? { transactions: 0, images: 0 } : undefined;
  }
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    options.variables ?? {},
  );
  if (coerced.errors) return undefined;
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const fieldsOf = (set: SelectionSetNode | undefined): FieldNode[] => flatten(set, fragments);
  const argsOf = (def: GraphQLField<unknown, unknown> | undefined, node: FieldNode) => {
    if (!def) return undefined;
    try {
      return getArgumentValues(def, node, variables);
    } catch {
      return undefined; // invalid arguments fail in execution; still counted, uniquely
    }
  };

  const queryType = schema.getQueryType();
  const imageType = schema.getType('Image');
  const imageFields = imageType && 'getFields' in imageType ? imageType.getFields() : {};
  const via40 = (options.visionApi ?? '3.2') !== '3.2';
  const uses = new Map<string, ImageUse>();
  let unknownRootCost = 0;
  let unique = 0;

  const useImage = (id: string, selection: SelectionSetNode | undefined) => {
    let use = uses.get(id);
    if (!use) uses.set(id, (use = { features: new Set(), calls: new Map() }));
    for (const field of fieldsOf(selection)) {
      const name = field.name.value;
      if (name.startsWith('__')) continue;
      const cost = IMAGE_FIELD_COSTS[name];
      const args = argsOf(imageFields[name] as GraphQLField<unknown, unknown> | undefined, field);
      const key = (op: string, names: readonly string[]) =>
        args ? `${op}:${JSON.stringify(names.map((n) => args[n] ?? null))}` : `${op}:#${unique++}`;
      if (!cost)
        use.calls.set(`unknown:${name}:${key(name, [])}`, 1); // new field: never free
      else if (cost.kind === 'analyze' && via40 && DUAL_FEATURES.has(cost.feature))
        use.calls.set(key(`v4:${name}`, Object.keys(args ?? {}).sort()), 1);
      else if (cost.kind === 'analyze') use.features.add(cost.feature);
      else if (cost.kind === 'captions') {
        if (args?.['max'] === 1) use.features.add('Description');
        else use.calls.set(key('describe', ['max']), 1);
      } else if (cost.kind === 'call') use.calls.set(key(cost.operation, cost.args), 1);
      else if (cost.kind === 'read') use.calls.set(key('read', cost.args), options.readPageLimit);
    }
  };

  const rootFields = queryType?.getFields() ?? {};
  for (const field of fieldsOf(operation.selectionSet)) {
    const name = field.name.value;
    if (name.startsWith('__') || name === 'models') continue; // models: free
    const args = argsOf(rootFields[name], field);
    if (name === 'image') {
      const upload = field.arguments?.find((a) => a.name.value === 'upload')?.value;
      if (typeof args?.['url'] === 'string') useImage(args['url'], field.selectionSet);
      else if (upload?.kind === Kind.VARIABLE)
        useImage(`upload:$${upload.name.value}`, field.selectionSet);
      else useImage(`unknown:#${unique++}`, field.selectionSet);
    } else if (name === 'images') {
      const urls = Array.isArray(args?.['urls']) ? (args['urls'] as unknown[]) : [];
      for (const url of urls) useImage(String(url), field.selectionSet);
    } else {
      unknownRootCost += 1; // a root field this table does not know: never free
    }
  }

  let transactions = unknownRootCost;
  for (const use of uses.values()) {
    transactions += analyzeTransactions(use.features);
    for (const cost of use.calls.values()) transactions += cost;
  }
  return { transactions, images: uses.size };
}

function pickOperation(
  document: DocumentNode,
  name: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (name) return operations.find((o) => o.name?.value === name);
  return operations.length === 1 ? operations[0] : undefined;
}

/** The fields of a selection set with fragment spreads and inline fragments inlined. */
function flatten(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string> = new Set(),
): FieldNode[] {
  const out: FieldNode[] = [];
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      out.push(...flatten(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      const fragment = fragments.get(selection.name.value);
      // A fragment spread twice in one selection adds nothing new; a cycle is a validation error.
      if (fragment)
        out.push(
          ...flatten(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value])),
        );
    }
  }
  return out;
}

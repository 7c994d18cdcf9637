// Merges graphql 16 / yoga incremental delivery payloads into one result:
// `{ incremental: [{ data, path, errors }], hasNext }` patches the object at `path`.

export interface GraphQLErrorShape {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface ExecutionResult<TData> {
  data?: TData | null;
  errors?: GraphQLErrorShape[];
  hasNext?: boolean;
}

interface IncrementalItem {
  data?: Record<string, unknown> | null;
  path?: ReadonlyArray<string | number>;
  errors?: GraphQLErrorShape[];
}

interface Payload {
  data?: unknown;
  errors?: GraphQLErrorShape[];
  hasNext?: boolean;
  incremental?: IncrementalItem[];
}

/** Returns a new result with `payload` (an initial result or a subsequent patch) merged in. */
export function mergePayload<TData>(
  previous: ExecutionResult<TData> | undefined,
  payload: unknown,
): ExecutionResult<TData> {
  const next = payload as Payload;
  if (!previous || next.incremental === undefined) {
    if (previous && next.data === undefined) {
      // a final `{ hasNext: false }` without patches
      return { ...previous, hasNext: next.hasNext ?? false };
    }
    return next as ExecutionResult<TData>;
  }
  const data = structuredClone(previous.data ?? null) as Record<string, unknown> | null;
  const errors = [...(previous.errors ?? [])];
  for (const item of next.incremental) {
    if (item.errors) errors.push(...item.errors);
    if (data && item.data) deepMerge(objectAt(data, item.path ?? []), item.data);
  }
  if (next.errors) errors.push(...next.errors);
  return {
    data: data as TData | null,
    ...(errors.length > 0 ? { errors } : {}),
    hasNext: next.hasNext ?? false,
  };
}

function objectAt(root: Record<string, unknown>, path: ReadonlyArray<string | number>) {
  let node: unknown = root;
  for (const key of path) node = (node as Record<string | number, unknown> | null)?.[key];
  if (typeof node !== 'object' || node === null) throw new Error(`no object at ${path.join('.')}`);
  return node as Record<string, unknown>;
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (isPlainObject(current) && isPlainObject(value)) deepMerge(current, value);
    else target[key] = value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

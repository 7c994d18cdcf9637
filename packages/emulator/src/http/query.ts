// Query parameters with case-insensitive names (Azure accepts `visualfeatures` as well as
// `visualFeatures`). The first occurrence of a name wins.

export interface Query {
  get(name: string): string | undefined;
  /** The parameters as sent, for `onRequest`. */
  raw: Record<string, string>;
}

export function parseQuery(search: URLSearchParams): Query {
  const lower = new Map<string, string>();
  const raw: Record<string, string> = {};
  for (const [name, value] of search) {
    if (!(name in raw)) raw[name] = value;
    if (!lower.has(name.toLowerCase())) lower.set(name.toLowerCase(), value);
  }
  return { raw, get: (name) => lower.get(name.toLowerCase()) };
}

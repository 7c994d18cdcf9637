type QueryValue = string | number | boolean | readonly string[] | undefined;

/**
 * Builds `?a=1&b=x,y`. Lists are comma-joined (Swagger `csv`) and commas stay literal, as in
 * Azure's own examples; undefined values and empty lists are left out.
 */
export function buildQuery(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    parts.push(`${name}=${encodeURIComponent(text).replace(/%2C/gi, ',')}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

import { InvalidInputError } from '../errors/error-classes.js';

/** Rejects list entries outside `allowed`, naming them and the parameter. */
export function checkEnumList<T extends string>(
  param: string,
  values: readonly string[] | undefined,
  allowed: readonly T[],
  code: string,
): T[] | undefined {
  if (values === undefined) return undefined;
  if (!Array.isArray(values)) throw new InvalidInputError(`${param} must be an array`, { code });
  const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `Unknown ${param} value(s): ${unknown.join(', ')}; allowed: ${allowed.join(', ')}`,
      { code },
    );
  }
  return [...new Set(values)] as T[];
}

/** Rejects a value that is not an integer in [min, max]. */
export function checkIntRange(
  param: string,
  value: unknown,
  min: number,
  max: number,
  code: string,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `>= ${min}` : `from ${min} to ${max}`;
    throw new InvalidInputError(`${param} must be an integer ${range}, got ${String(value)}`, {
      code,
    });
  }
  return value;
}

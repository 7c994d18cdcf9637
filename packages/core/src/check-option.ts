import { InvalidInputError } from './errors/error-classes.js';

/** An InvalidInputError (code `InvalidOption`) naming the setting and what it should be. */
export function invalidOption(
  setting: string,
  expected: string,
  value: unknown,
): InvalidInputError {
  const shown =
    typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
  return new InvalidInputError(`Invalid option ${setting}: expected ${expected}, got ${shown}`, {
    code: 'InvalidOption',
  });
}

/** Checks numeric settings once, naming the bad one; `min` is inclusive. */
export function checkNumber(setting: string, value: unknown, min: number, integer = false): number {
  const ok =
    typeof value === 'number' &&
    !Number.isNaN(value) &&
    value >= min &&
    (!integer || Number.isInteger(value) || value === Infinity);
  if (!ok)
    throw invalidOption(
      setting,
      `${integer ? 'an integer' : 'a number'} ${min === Number.MIN_VALUE ? '> 0' : `>= ${min}`}`,
      value,
    );
  return value;
}

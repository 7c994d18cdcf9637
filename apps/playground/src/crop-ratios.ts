// Smart-crop aspect ratios (width / height). Azure's Image Analysis 4.0 accepts 0.75 to 1.8;
// the picker offers the usual photo shapes in that range and checks typed ones before any query.

export const RATIO_RANGE = { min: 0.75, max: 1.8 } as const;

/** Ratios offered as one-click choices, with the shape they are known by. */
export const PRESET_RATIOS = [
  { ratio: 0.75, label: '3:4' },
  { ratio: 1, label: '1:1' },
  { ratio: 1.33, label: '4:3' },
  { ratio: 1.5, label: '3:2' },
  { ratio: 1.78, label: '16:9' },
] as const;

/** The ratios picked before the user changes anything. */
export const DEFAULT_RATIOS: readonly number[] = [1];

/**
 * Reads a typed ratio: a decimal (1.25) or width:height (5:4), rounded to two decimals.
 * Returns the ratio, or the reason it cannot be used.
 */
export function parseRatio(text: string): { ratio: number } | { error: string } {
  const trimmed = text.trim();
  const parts = trimmed.split(':');
  const value =
    parts.length === 2
      ? Number(parts[0]) / Number(parts[1])
      : parts.length === 1
        ? Number(trimmed)
        : NaN;
  if (trimmed === '' || !Number.isFinite(value)) {
    return { error: 'Type a number such as 1.25, or width:height such as 5:4.' };
  }
  const ratio = Math.round(value * 100) / 100;
  if (ratio < RATIO_RANGE.min || ratio > RATIO_RANGE.max) {
    return {
      error: `${trimmed} is ${ratio}; the service accepts ${RATIO_RANGE.min} to ${RATIO_RANGE.max}.`,
    };
  }
  return { ratio };
}

/** Adds or removes `ratio`, keeping the list sorted and free of repeats. */
export function toggleRatio(ratios: readonly number[], ratio: number): number[] {
  const next = ratios.includes(ratio) ? ratios.filter((r) => r !== ratio) : [...ratios, ratio];
  return next.sort((a, b) => a - b);
}

// Noun phrases for captions: "a man", "two women", "a group of people", "a dog and a cat".

const NUMBERS = ['no', 'a', 'two', 'three', 'four', 'five'];
const PLURAL: Record<string, string> = {
  man: 'men',
  woman: 'women',
  person: 'people',
  child: 'children',
  skis: 'skis',
  sheep: 'sheep',
  bus: 'buses',
  couch: 'couches',
  knife: 'knives',
  'wine glass': 'wine glasses',
  sandwich: 'sandwiches',
  'hot dog': 'hot dogs',
  bench: 'benches',
  glass: 'glasses',
  television: 'televisions',
};

export const plural = (noun: string): string => PLURAL[noun] ?? `${noun}s`;

export function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** "a dog", "two dogs", "several dogs". */
export function counted(noun: string, n: number): string {
  if (n === 1) return article(noun);
  return n < NUMBERS.length ? `${NUMBERS[n]} ${plural(noun)}` : `several ${plural(noun)}`;
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** People by their nouns: "a man", "a man and a woman", "three men", "a group of people". */
export function peoplePhrase(nouns: string[]): string {
  const counts = new Map<string, number>();
  for (const n of nouns) counts.set(n, (counts.get(n) ?? 0) + 1);
  if (nouns.length >= 3) {
    // One shared noun names the group; a mix is "people".
    const only = counts.size === 1 ? nouns[0]! : 'person';
    return nouns.length >= 7 ? `a large group of ${plural(only)}` : `a group of ${plural(only)}`;
  }
  return joinAnd([...counts].map(([noun, n]) => counted(noun, n)));
}

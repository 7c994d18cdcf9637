import type { TessLanguage } from './tessdata.js';

// Frequent short words of each shipped language (a fact of each language, not a model): the
// language whose words turn up most in the text read wins. Accented letters that belong to
// one language only add to its score.
const STOPWORDS: Record<TessLanguage, readonly string[]> = {
  eng: [
    'the',
    'and',
    'of',
    'to',
    'is',
    'in',
    'that',
    'it',
    'with',
    'for',
    'on',
    'are',
    'this',
    'be',
    'as',
    'was',
    'from',
    'how',
    'much',
    'you',
  ],
  deu: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'ein',
    'eine',
    'den',
    'mit',
    'zu',
    'von',
    'auf',
    'wie',
    'viel',
    'über',
    'für',
    'dem',
    'sich',
    'auch',
  ],
  fra: [
    'le',
    'la',
    'les',
    'et',
    'est',
    'des',
    'une',
    'un',
    'du',
    'que',
    'dans',
    'pour',
    'pas',
    'par',
    'sur',
    'ce',
    'qui',
    'combien',
    'ça',
    'au',
  ],
  spa: [
    'el',
    'los',
    'las',
    'y',
    'es',
    'que',
    'de',
    'un',
    'una',
    'por',
    'con',
    'para',
    'del',
    'se',
    'sobre',
    'esto',
    'cuánto',
    'cuesta',
    'al',
    'como',
  ],
  ita: [
    'il',
    'lo',
    'gli',
    'e',
    'è',
    'che',
    'di',
    'un',
    'una',
    'per',
    'con',
    'della',
    'sono',
    'questo',
    'quanto',
    'non',
    'sopra',
    'costa',
    'nel',
    'alla',
  ],
  por: [
    'o',
    'os',
    'as',
    'e',
    'é',
    'que',
    'de',
    'um',
    'uma',
    'para',
    'com',
    'não',
    'do',
    'da',
    'em',
    'isso',
    'quanto',
    'sobre',
    'custa',
    'mais',
  ],
  nld: [
    'de',
    'het',
    'een',
    'en',
    'is',
    'van',
    'dat',
    'niet',
    'op',
    'te',
    'met',
    'voor',
    'zijn',
    'dit',
    'hoeveel',
    'wat',
    'er',
    'maar',
    'ook',
    'als',
  ],
};
const LETTERS: Partial<Record<TessLanguage, RegExp>> = {
  deu: /[äöüß]/g,
  fra: /[çèêëàœ]/g,
  spa: /[ñ¿¡]/g,
  por: /[ãõ]/g,
  ita: /[ìò]/g,
};
const SETS = Object.entries(STOPWORDS).map(
  ([lang, words]) => [lang as TessLanguage, new Set(words)] as const,
);

/**
 * The shipped language the text most looks like, or English when nothing stands out (a
 * language must score at least 3 and beat English by half again to win).
 */
export function detectLanguage(text: string): TessLanguage {
  const lower = text.toLowerCase();
  const words = lower.split(/[^\p{L}]+/u).filter(Boolean);
  const scores = new Map<TessLanguage, number>();
  for (const [lang, set] of SETS) {
    let score = words.filter((w) => set.has(w)).length;
    score += (lower.match(LETTERS[lang] ?? /$^/g) ?? []).length;
    scores.set(lang, score);
  }
  const english = scores.get('eng')!;
  let best: TessLanguage = 'eng';
  for (const [lang, score] of scores) if (score > scores.get(best)!) best = lang;
  return best !== 'eng' && scores.get(best)! >= 3 && scores.get(best)! >= english * 1.5
    ? best
    : 'eng';
}

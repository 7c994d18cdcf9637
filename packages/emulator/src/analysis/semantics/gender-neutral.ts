// Image Analysis 4.0 `gender-neutral-caption`: gendered nouns become neutral ones ("a man" ->
// "a person", "two girls" -> "two children"), as Azure describes the option. Names stay.
const NEUTRAL: Record<string, string> = {
  man: 'person',
  woman: 'person',
  men: 'people',
  women: 'people',
  boy: 'child',
  girl: 'child',
  boys: 'children',
  girls: 'children',
  gentleman: 'person',
  lady: 'person',
  ladies: 'people',
};
const WORD = new RegExp(`\\b(${Object.keys(NEUTRAL).join('|')})\\b`, 'gi');

export function genderNeutral(text: string): string {
  return text.replace(WORD, (w) => {
    const neutral = NEUTRAL[w.toLowerCase()]!;
    return w[0] === w[0]!.toUpperCase() ? neutral[0]!.toUpperCase() + neutral.slice(1) : neutral;
  });
}

// Tags, captions and categories from constructed evidence: the rules, not the models.
import { describe as group, expect, it } from 'vitest';
import type { FaceEvidence, Evidence } from './evidence.js';
import { buildCaptions } from './build-captions.js';
import { buildCategories } from './build-categories.js';
import { buildTags } from './build-tags.js';
import { toObjectResult } from './object-hierarchy.js';
import { peoplePhrase } from './phrases.js';

const face = (x: number, gender: 'Male' | 'Female', age = 40, size = 60): FaceEvidence => ({
  rect: { x, y: 50, w: size, h: size },
  age,
  gender,
  confidence: 0.9,
  genderConfidence: 0.95,
});

const evidence = (over: Partial<Evidence> = {}): Evidence => ({
  width: 1000,
  height: 800,
  faces: [],
  objects: [],
  color: {
    dominantColorForeground: 'Grey',
    dominantColorBackground: 'White',
    dominantColors: ['White'],
    accentColor: '808080',
    isBWImg: false,
  },
  imageType: { clipArtType: 0, lineDrawingType: 0 },
  cues: { sky: 0, vegetation: 0, brightness: 0.5 },
  text: 0,
  celebrities: [],
  landmarks: [],
  ...over,
});

group('object hierarchy', () => {
  it('gives vehicles and animals Azure-style parents, people none', () => {
    expect(toObjectResult('car', 0.7, { x: 0, y: 0, w: 1, h: 1 }).parent).toEqual({
      name: 'Land vehicle',
      confidence: 0.7,
      parent: { name: 'Vehicle', confidence: 0.7 },
    });
    expect(toObjectResult('dog', 0.6, { x: 0, y: 0, w: 1, h: 1 }).parent?.parent?.name).toBe(
      'animal',
    );
    expect(toObjectResult('person', 0.9, { x: 0, y: 0, w: 1, h: 1 }).parent).toBeUndefined();
    expect(toObjectResult('tv', 0.5, { x: 0, y: 0, w: 1, h: 1 }).name).toBe('television');
  });
});

group('people phrases', () => {
  it('names small groups by their nouns and larger ones as groups', () => {
    expect(peoplePhrase(['man'])).toBe('a man');
    expect(peoplePhrase(['man', 'woman'])).toBe('a man and a woman');
    expect(peoplePhrase(['woman', 'woman'])).toBe('two women');
    expect(peoplePhrase(['man', 'man', 'man'])).toBe('a group of men');
    expect(peoplePhrase(['man', 'woman', 'girl'])).toBe('a group of people');
  });
});

group('categories', () => {
  it('files one large face as a portrait, seven as many people, children as young', () => {
    expect(buildCategories(evidence({ faces: [face(100, 'Female', 30, 200)] }), {})[0]!.name).toBe(
      'people_portrait',
    );
    expect(buildCategories(evidence({ faces: [face(100, 'Female', 30, 20)] }), {})[0]!.name).toBe(
      'people_',
    );
    expect(
      buildCategories(
        evidence({ faces: [0, 1, 2, 3, 4, 5, 6].map((i) => face(i * 120, 'Male')) }),
        {},
      )[0]!.name,
    ).toBe('people_many');
    expect(
      buildCategories(evidence({ faces: [face(0, 'Female', 8), face(200, 'Male', 6)] }), {})[0]!
        .name,
    ).toBe('people_young');
  });

  it('uses only objects big and sure enough to be the subject', () => {
    const big = toObjectResult('dog', 0.8, { x: 0, y: 0, w: 400, h: 400 });
    const small = toObjectResult('dog', 0.8, { x: 0, y: 0, w: 40, h: 40 });
    const weak = toObjectResult('dog', 0.3, { x: 0, y: 0, w: 400, h: 400 });
    expect(buildCategories(evidence({ objects: [big] }), {}).map((c) => c.name)).toEqual([
      'animal_dog',
    ]);
    expect(buildCategories(evidence({ objects: [small] }), {}).map((c) => c.name)).toEqual([
      'others_',
    ]);
    expect(buildCategories(evidence({ objects: [weak] }), {}).map((c) => c.name)).toEqual([
      'others_',
    ]);
  });

  it('attaches recognised people and places only when those details were asked', () => {
    const celeb = { name: 'Someone', confidence: 0.8, rect: face(0, 'Male').rect };
    const e = evidence({
      faces: [face(0, 'Male')],
      celebrities: [celeb],
      landmarks: [{ name: 'Somewhere', confidence: 0.9 }],
    });
    const asked = buildCategories(e, { celebrities: e.celebrities, landmarks: e.landmarks });
    expect(asked.find((c) => c.name === 'building_')!.landmarks).toEqual(e.landmarks);
    expect(asked.find((c) => c.name.startsWith('people_'))!.celebrities).toEqual([celeb]);
    expect(buildCategories(e, {}).every((c) => !c.celebrities && !c.landmarks)).toBe(true);
  });

  it('reports scores in Azure steps of 1/256', () => {
    for (const c of buildCategories(evidence({ faces: [face(0, 'Male')], text: 0.61 }), {}))
      expect((c.score * 256) % 1).toBe(0);
  });
});

group('tags and captions', () => {
  it('tags people by gender only when the gender estimate is sure', () => {
    const unsure = { ...face(0, 'Female'), genderConfidence: 0.55 };
    expect(buildTags(evidence({ faces: [unsure] })).map((t) => t.name)).not.toContain('woman');
    expect(buildTags(evidence({ faces: [face(0, 'Female')] })).map((t) => t.name)).toContain(
      'woman',
    );
  });

  it('prefixes black-and-white photos and names recognised people left to right', () => {
    const faces = [face(500, 'Male'), face(100, 'Male')];
    const celebrities = [
      { name: 'B', confidence: 0.8, rect: faces[0]!.rect },
      { name: 'A', confidence: 0.8, rect: faces[1]!.rect },
    ];
    const color = { ...evidence().color, isBWImg: true };
    const caps = buildCaptions(evidence({ faces, celebrities, color }), 5);
    expect(caps.map((c) => c.text)).toEqual([
      'a black and white photo of A and B',
      'a black and white photo of two men',
    ]);
  });

  it('returns nothing to say as no caption, and honours maxCandidates = 0', () => {
    expect(buildCaptions(evidence(), 3)).toEqual([]);
    expect(buildCaptions(evidence({ faces: [face(0, 'Male')] }), 0)).toEqual([]);
  });

  it('puts a subject on measured grass', () => {
    const dog = toObjectResult('dog', 0.8, { x: 0, y: 0, w: 400, h: 400 });
    const caps = buildCaptions(
      evidence({ objects: [dog], cues: { sky: 0, vegetation: 0.4, brightness: 0.5 } }),
      2,
    );
    expect(caps.map((c) => c.text)).toEqual(['a dog on the grass', 'a dog']);
  });
});

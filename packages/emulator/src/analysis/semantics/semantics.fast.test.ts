// Tags, captions and categories from constructed evidence: the rules, not the models.
import { describe as group, expect, it } from 'vitest';
import type { FaceEvidence, Evidence } from './evidence.js';
import { buildCaptions } from './build-captions.js';
import { buildCategories } from './build-categories.js';
import { buildTags } from './build-tags.js';
import { toObjectResult } from './object-hierarchy.js';
import { peoplePhrase } from './phrases.js';
import { evidenceInRegion } from './region-evidence.js';

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
  weak: [],
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
  logos: [],
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

  it('always gives a caption, from the colours when nothing is recognised; honours maxCandidates = 0', () => {
    expect(buildCaptions(evidence(), 3)).toEqual([
      { text: 'a close up of a grey surface', confidence: 0.2 },
    ]);
    expect(buildCaptions(evidence({ faces: [face(0, 'Male')] }), 0)).toEqual([]);
  });

  it('says what a person is doing with what: at a table (confirmed by a weak box) with a laptop', () => {
    const woman = { ...face(420, 'Female', 35, 60), rect: { x: 420, y: 150, w: 60, h: 70 } };
    const body = toObjectResult('person', 0.6, { x: 330, y: 120, w: 260, h: 400 });
    const laptop = toObjectResult('laptop', 0.31, { x: 280, y: 380, w: 190, h: 95 });
    const chair = toObjectResult('chair', 0.4, { x: 20, y: 420, w: 80, h: 40 }); // far behind
    const table = toObjectResult('table', 0.14, { x: 110, y: 430, w: 450, h: 130 });
    const e = evidence({ faces: [woman], objects: [body, laptop, chair], weak: [table] });
    const caps = buildCaptions(e, 3).map((c) => c.text);
    expect(caps[0]).toBe('a woman sitting at a table with a laptop');
    expect(caps).toContain('a woman with a laptop');
    // The weak table confirms a posture only: never a tag or a caption noun on its own.
    expect(buildTags(e).map((t) => t.name)).not.toContain('table');
    expect(buildCaptions({ ...e, weak: [] }, 1)[0]!.text).toBe('a woman with a laptop');
  });

  it('seats a person on a bench under them', () => {
    const man = toObjectResult('person', 0.8, { x: 100, y: 100, w: 200, h: 400 });
    const bench = toObjectResult('bench', 0.7, { x: 60, y: 350, w: 300, h: 120 });
    expect(buildCaptions(evidence({ objects: [man, bench] }), 1)[0]!.text).toBe(
      'a person sitting on a bench',
    );
  });

  it('names a recognised place as its gallery says, with its kinds as tags', () => {
    const colosseum = {
      name: 'Colosseum',
      confidence: 0.95,
      caption: 'the Colosseum',
      tags: ['building', 'ancient'],
    };
    const e = evidence({ landmarks: [colosseum] });
    expect(buildCaptions(e, 1)[0]!.text).toBe('the Colosseum');
    // Listed most telling first, each kind a little less sure than the one before.
    expect(buildTags(e)).toEqual([
      { name: 'building', confidence: 0.95 },
      { name: 'ancient', confidence: 0.9215 },
    ]);
    expect(
      buildCaptions(evidence({ landmarks: [{ name: 'Big Ben', confidence: 0.9 }] }), 1)[0]!.text,
    ).toBe('Big Ben');
  });

  it('calls a picture with only a gallery logo a close up of a logo, tagged logo', () => {
    const e = evidence({
      logos: [{ name: 'Microsoft', confidence: 0.9, rect: { x: 0, y: 0, w: 9, h: 9 } }],
    });
    expect(buildCaptions(e, 1)[0]!.text).toBe('a close up of a logo');
    expect(buildTags(e).map((t) => t.name)).toEqual(['logo']);
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

group('houses', () => {
  it('calls straight edges on a lawn a house with a lawn, tagged and categorised as one', () => {
    const e = evidence({
      cues: { sky: 0.5, vegetation: 0.3, brightness: 0.5, straightEdges: 0.02 },
    });
    // Grass 0.657, structure 0.75: the house is the weaker, 0.657; "a house" alone mentions
    // half the evidence of the fuller caption: 0.657 x (0.2 + 0.8 / 2).
    expect(buildCaptions(e, 2)).toEqual([
      { text: 'a house with a lawn', confidence: 0.657 },
      { text: 'a house', confidence: 0.3942 },
    ]);
    const tags = Object.fromEntries(buildTags(e).map((t) => [t.name, t.confidence]));
    expect(tags).toMatchObject({ house: 0.657, building: 0.657, grass: 0.657 });
    expect(buildCategories(e, {}).map((c) => c.name)).toContain('outdoor_house');
  });

  it('needs both: a lawn without straight edges, or straight edges without a lawn, is no house', () => {
    const lawn = evidence({
      cues: { sky: 0.5, vegetation: 0.3, brightness: 0.5, straightEdges: 0.006 },
    });
    expect(buildCaptions(lawn, 1)[0]!.text).toBe('grass under a blue sky');
    const wall = evidence({
      cues: { sky: 0, vegetation: 0, brightness: 0.5, straightEdges: 0.03 },
    });
    expect(buildTags(wall).map((t) => t.name)).not.toContain('house');
  });
});

group('trees', () => {
  it('tags foliage above the ground as trees, outdoors, and captions it when nothing else is seen', () => {
    const e = evidence({ cues: { sky: 0, vegetation: 0, foliage: 0.3, brightness: 0.5 } });
    expect(buildCaptions(e, 1)).toEqual([{ text: 'a close up of a tree', confidence: 0.657 }]);
    expect(buildTags(e)).toEqual([
      { name: 'tree', confidence: 0.657 },
      { name: 'outdoor', confidence: 0.657 },
    ]);
    const family = evidence({
      faces: [face(100, 'Male'), face(300, 'Female'), face(500, 'Male')],
      cues: { sky: 0, vegetation: 0, foliage: 0.3, brightness: 0.5 },
    });
    expect(buildCaptions(family, 1)[0]!.text).toBe('a group of people');
    expect(buildTags(family).map((t) => t.name)).toEqual(
      expect.arrayContaining(['tree', 'outdoor']),
    );
  });
});

group('colours', () => {
  it('tags a vivid foreground colour that covers much of the picture, not greys or browns', () => {
    const color = (fg: string, dominant: string[]) => ({
      dominantColorForeground: fg,
      dominantColorBackground: 'White',
      dominantColors: dominant,
      accentColor: 'E0C020',
      isBWImg: false,
    });
    const clipart = { clipArtType: 3, lineDrawingType: 0 } as const;
    expect(
      buildTags(evidence({ color: color('Yellow', ['White', 'Yellow']), imageType: clipart })),
    ).toEqual([
      { name: 'clipart', confidence: 0.9 },
      { name: 'yellow', confidence: 0.7 },
    ]);
    // A foreground colour under 10 % of the picture, and the plain colours, are no tags.
    expect(buildTags(evidence({ color: color('Red', ['Grey', 'White']) }))).toEqual([]);
    expect(buildTags(evidence({ color: color('Brown', ['Brown', 'Green']) }))).toEqual([]);
  });
});

group('regions', () => {
  it('captions a sub-rectangle from the detections inside it only', () => {
    const dog = toObjectResult('dog', 0.8, { x: 50, y: 500, w: 200, h: 200 });
    const e = evidence({
      faces: [face(600, 'Male')],
      objects: [dog],
      cues: { sky: 0.6, vegetation: 0.6, brightness: 0.5 },
    });
    expect(buildCaptions(e, 1)[0]!.text).toBe('a man with a dog on the grass');
    const left = evidenceInRegion(e, { x: 0, y: 400, w: 400, h: 400 });
    expect(left.objects[0]!.rect).toEqual({ x: 50, y: 100, w: 200, h: 200 });
    expect(buildCaptions(left, 1)[0]!.text).toBe('a dog');
    expect(buildCaptions(evidenceInRegion(e, { x: 500, y: 0, w: 300, h: 300 }), 1)[0]!.text).toBe(
      'a man',
    );
  });
});

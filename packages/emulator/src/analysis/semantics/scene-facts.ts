// Facts about the setting and the kind of picture, from measured cues (colour layout, image type,
// text cue, recognised landmarks) and from objects that only occur indoors or outdoors.
import { parentsOf } from './object-hierarchy.js';
import { strongest, type Evidence, type Fact } from './evidence.js';

/** A cue covering this share of its region is reported. */
const MIN_CUE_SHARE = 0.15;
/**
 * Measured properties (black-and-white, clip art level, line drawing) are not probabilities; these
 * fixed confidences only rank them below strong detections.
 */
const BW_CONFIDENCE = 0.9;
const CLIPART_CONFIDENCE: Record<number, number> = { 2: 0.75, 3: 0.9 };
const DRAWING_CONFIDENCE = 0.85;
/** A vivid colour that is both the picture's foreground and ≥ 10 % of it: ranked under those. */
const COLOUR_CONFIDENCE = 0.7;
/**
 * Colours too common to say anything as a tag: greys, black and white are every photo's
 * shadows, walls and paper; brown is skin, wood and earth (the family photo's foreground).
 */
const PLAIN_COLOURS = new Set(['Grey', 'Black', 'White', 'Brown']);

const OUTDOOR_OBJECTS = new Set([
  'car',
  'bus',
  'truck',
  'train',
  'boat',
  'airplane',
  'traffic light',
  'fire hydrant',
  'stop sign',
  'parking meter',
  'kite',
  'surfboard',
  'skis',
  'snowboard',
]);
const INDOOR_OBJECTS = new Set([
  'couch',
  'bed',
  'table',
  'television',
  'toilet',
  'sink',
  'oven',
  'microwave',
  'refrigerator',
  'laptop',
  'keyboard',
  'mouse',
]);

/** Share of a region -> confidence: 0.39 at 15 %, 0.66 at 30 %, 0.9 at 54 %. */
export const cueConfidence = (share: number): number =>
  share < MIN_CUE_SHARE ? 0 : 1 - (1 - share) ** 3;

/**
 * Straight edges in both directions on this share of the pixels or more: the two house photos
 * measured 1.35 % and 2.4 %, ten photos of leaves, branches and grass 0-0.74 % (the weaker
 * direction, straight-edges.ts).
 */
const MIN_STRAIGHT_EDGES = 0.01;

/**
 * A house: a structure of long level and upright edges standing on a lawn. Its confidence is the
 * weaker of the two cues; the structure's grows from 0.5 at the threshold to 1 at 3 %. Any
 * straight-edged structure on a lawn is called a house (a shed or a fence too): the models
 * have no building class, so this is the vocabulary's guess for the commonest such picture.
 */
export function houseConfidence(e: Evidence): number {
  const grass = cueConfidence(e.cues.vegetation);
  const straight = e.cues.straightEdges ?? 0;
  if (!grass || straight < MIN_STRAIGHT_EDGES) return 0;
  return Math.min(grass, Math.min(1, 0.5 + (straight - MIN_STRAIGHT_EDGES) / 0.04));
}

export function sceneFacts(e: Evidence): Fact[] {
  const facts: Fact[] = [];
  const add = (name: string, confidence: number): void => {
    if (confidence > 0) facts.push({ name, confidence });
  };
  const sky = cueConfidence(e.cues.sky);
  const grass = cueConfidence(e.cues.vegetation);
  const trees = cueConfidence(e.cues.foliage ?? 0);
  add('sky', sky);
  add('grass', grass);
  add('tree', trees);
  const house = houseConfidence(e);
  add('house', house);
  add('building', house);
  const outdoorObjects = e.objects.filter((o) => OUTDOOR_OBJECTS.has(o.name));
  const indoorObjects = e.objects.filter((o) => INDOOR_OBJECTS.has(o.name));
  const outdoor = Math.max(sky, grass, trees, strongest(outdoorObjects));
  add('outdoor', outdoor);
  if (!outdoor) add('indoor', strongest(indoorObjects));
  add('text', e.text);
  if (e.color.isBWImg) add('black and white', BW_CONFIDENCE);
  add('clipart', CLIPART_CONFIDENCE[e.imageType.clipArtType] ?? 0);
  if (e.imageType.lineDrawingType === 1) add('drawing', DRAWING_CONFIDENCE);
  const colour = e.color.dominantColorForeground;
  if (!PLAIN_COLOURS.has(colour) && e.color.dominantColors.includes(colour))
    add(colour.toLowerCase(), COLOUR_CONFIDENCE);
  return facts;
}

/** "a drawing", "an illustration", "a black and white photo": the kind of picture, when not a plain photo. */
export function kindOfPicture(e: Evidence): (Fact & { text: string }) | undefined {
  if (e.imageType.lineDrawingType === 1)
    return { name: 'drawing', text: 'a drawing', confidence: DRAWING_CONFIDENCE };
  const clipart = CLIPART_CONFIDENCE[e.imageType.clipArtType];
  if (clipart) return { name: 'clipart', text: 'an illustration', confidence: clipart };
  // A page of text says "text" itself; "photo" would be wrong there.
  return e.color.isBWImg && !e.text
    ? { name: 'black and white', text: 'a black and white photo', confidence: BW_CONFIDENCE }
    : undefined;
}

/**
 * Object names and their parent names (lowercase, as tags): every reported object is a tag, a weak
 * person box too (people.ts counts people only from faces and boxes of 0.35 or more).
 */
export function objectFacts(e: Evidence): Fact[] {
  const facts: Fact[] = [];
  for (const o of e.objects) {
    for (const name of [o.name, ...parentsOf(o)])
      facts.push({ name: name.toLowerCase(), confidence: o.confidence });
  }
  return facts;
}

/**
 * Each further kind of a place is this much less sure than the one before: about.json lists them
 * most telling first, and Azure's tags of one picture never tie (0.99, 0.97, 0.94, ...).
 */
const KIND_DECAY = 0.97;

/** Kinds of the recognised places (the gallery's about.json) and "logo" for a gallery logo. */
export function recognitionFacts(e: Evidence): Fact[] {
  const facts: Fact[] = [];
  for (const l of e.landmarks)
    (l.tags ?? []).forEach((name, i) =>
      facts.push({ name, confidence: l.confidence * KIND_DECAY ** i }),
    );
  if (e.logos.length) facts.push({ name: 'logo', confidence: strongest(e.logos) });
  return facts;
}

// COCO class names (centernet) to Azure-style object names with a short parent chain, in the
// style of Azure's object taxonomy ("car" -> "Land vehicle" -> "Vehicle", "dog" -> "mammal" ->
// "animal"). Only parents that hold for every instance of the class are listed.
import type { ObjectResult } from '../types.js';

type Chain = string[];

const RENAME: Record<string, string> = {
  tv: 'television',
  'dining table': 'table',
  'sports ball': 'ball',
  'potted plant': 'houseplant',
  'cell phone': 'cell phone',
  'hair drier': 'hair dryer',
};

const LAND: Chain = ['Land vehicle', 'Vehicle'];
const MAMMAL: Chain = ['mammal', 'animal'];
const SPORT: Chain = ['sports equipment'];
const TABLEWARE: Chain = ['tableware'];
const FOOD: Chain = ['Food'];
const ELECTRONICS: Chain = ['electronic device'];
const APPLIANCE: Chain = ['home appliance'];
const SEATING: Chain = ['seating', 'furniture'];

const PARENTS: Record<string, Chain> = {
  bicycle: LAND,
  car: LAND,
  motorcycle: LAND,
  bus: LAND,
  truck: LAND,
  train: LAND,
  airplane: ['Aircraft', 'Vehicle'],
  boat: ['Watercraft', 'Vehicle'],
  bird: ['animal'],
  cat: MAMMAL,
  dog: MAMMAL,
  horse: MAMMAL,
  sheep: MAMMAL,
  cow: MAMMAL,
  elephant: MAMMAL,
  bear: MAMMAL,
  zebra: MAMMAL,
  giraffe: MAMMAL,
  skateboard: SPORT,
  surfboard: SPORT,
  skis: SPORT,
  snowboard: SPORT,
  'sports ball': SPORT,
  'tennis racket': SPORT,
  'baseball bat': SPORT,
  'baseball glove': SPORT,
  frisbee: SPORT,
  kite: SPORT,
  cup: TABLEWARE,
  'wine glass': TABLEWARE,
  bowl: TABLEWARE,
  fork: ['cutlery', 'tableware'],
  knife: ['cutlery', 'tableware'],
  spoon: ['cutlery', 'tableware'],
  bottle: ['container'],
  vase: ['container'],
  banana: ['fruit', 'Food'],
  apple: ['fruit', 'Food'],
  orange: ['fruit', 'Food'],
  broccoli: ['vegetable', 'Food'],
  carrot: ['vegetable', 'Food'],
  sandwich: FOOD,
  'hot dog': FOOD,
  pizza: FOOD,
  donut: FOOD,
  cake: FOOD,
  chair: SEATING,
  couch: SEATING,
  bench: SEATING,
  bed: ['furniture'],
  'dining table': ['furniture'],
  tv: ELECTRONICS,
  laptop: ['computer', 'electronic device'],
  'cell phone': ELECTRONICS,
  keyboard: ELECTRONICS,
  mouse: ELECTRONICS,
  remote: ELECTRONICS,
  microwave: APPLIANCE,
  oven: APPLIANCE,
  toaster: APPLIANCE,
  refrigerator: APPLIANCE,
  'hair drier': APPLIANCE,
  backpack: ['bag'],
  handbag: ['bag'],
  suitcase: ['luggage'],
  tie: ['clothing'],
  'potted plant': ['plant'],
};

/** Azure-style name of a COCO class. */
export const azureObjectName = (coco: string): string => RENAME[coco] ?? coco;

/** Parent names of a COCO class, nearest first (empty for e.g. "person"). */
export const parentChain = (coco: string): readonly string[] => PARENTS[coco] ?? [];

/**
 * An object result with its parent chain (up to two levels, as the wire shape allows). A parent
 * is at least as likely as the child, and no separate evidence exists for it, so it carries the
 * detection's own confidence.
 */
export function toObjectResult(
  coco: string,
  confidence: number,
  rect: ObjectResult['rect'],
): ObjectResult {
  const [p1, p2] = parentChain(coco);
  const result: ObjectResult = { rect, name: azureObjectName(coco), confidence };
  if (p1)
    result.parent = p2
      ? { name: p1, confidence, parent: { name: p2, confidence } }
      : { name: p1, confidence };
  return result;
}

/** Parent names of an Azure-named object, following its chain. */
export function parentsOf(o: ObjectResult): string[] {
  const out: string[] = [];
  for (let p = o.parent; p; p = p.parent) out.push(p.name);
  return out;
}

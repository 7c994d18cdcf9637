// What the main person is doing with the things around them, from box geometry alone: riding a
// board or bike under them, sitting at a table whose top is at their waist, sitting on a seat
// under them, and the things they are with (boxes touching theirs).
import type { ObjectResult, Rect } from '../types.js';
import type { Evidence } from './evidence.js';
import type { Person } from './people.js';
import { article } from './phrases.js';

/** Things a person overlapping them is riding. */
const RIDDEN = new Set([
  'skateboard',
  'surfboard',
  'bicycle',
  'motorcycle',
  'horse',
  'skis',
  'snowboard',
  'elephant',
]);
const SEATS = new Set(['chair', 'couch', 'bench', 'bed']);
/** Weaker objects are not named in captions. */
export const MIN_OBJECT_CONFIDENCE = 0.35;
/** A laptop on a desk scores low (0.31 in Azure's own sample photo) yet is plainly the subject. */
const MIN_NEAR_CONFIDENCE = 0.25;

export interface Relation {
  /** "riding a skateboard", "sitting at a table", "sitting on a bench". */
  text: string;
  confidence: number;
  /** The objects the relation names (not repeated after "with"). */
  uses: ObjectResult[];
}

export interface PersonScene {
  relation?: Relation;
  /** Things touching the person, strongest first (what they are "with"). */
  near: ObjectResult[];
  /** Confident things elsewhere in the picture. */
  far: ObjectResult[];
}

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** The person's whole extent: the body box when there is one, else the face grown to a body. */
function bodyOf(p: Person): Rect {
  if (p.body) return p.body;
  const { x, y, w, h } = p.rect;
  return { x: x - w, y, w: 3 * w, h: 6 * h };
}

/** A table whose top edge lies between the person's chest and feet, under their box. */
function tableAt(body: Rect, candidates: ObjectResult[]): ObjectResult | undefined {
  return candidates.find(
    (o) =>
      o.name === 'table' &&
      overlap(body, o.rect) > 0 &&
      o.rect.y >= body.y + 0.3 * body.h &&
      o.rect.y <= body.y + body.h,
  );
}

/** A seat covered by the lower half of the person's box. */
function seatUnder(body: Rect, objects: ObjectResult[]): ObjectResult | undefined {
  const lower = { ...body, y: body.y + body.h / 2, h: body.h / 2 };
  return objects.find(
    (o) => SEATS.has(o.name) && overlap(lower, o.rect) >= 0.3 * o.rect.w * o.rect.h,
  );
}

export function personScene(e: Evidence, person: Person, alone: boolean): PersonScene {
  const body = bodyOf(person);
  const things = e.objects.filter((o) => o.name !== 'person');
  const confident = things.filter((o) => o.confidence >= MIN_OBJECT_CONFIDENCE);
  const ridden = alone
    ? confident.find((o) => RIDDEN.has(o.name) && overlap(body, o.rect) > 0)
    : undefined;
  const touching = things.filter(
    (o) => o !== ridden && o.confidence >= MIN_NEAR_CONFIDENCE && overlap(body, o.rect) > 0,
  );
  // A weak table box counts only under something the person is using (a laptop on it).
  const table = tableAt(body, confident) ?? (touching.length ? tableAt(body, e.weak) : undefined);
  const seat = table ? undefined : seatUnder(body, confident);
  let relation: Relation | undefined;
  if (ridden)
    relation = {
      text: `riding ${article(ridden.name)}`,
      confidence: ridden.confidence,
      uses: [ridden],
    };
  else if (table)
    relation = {
      text: 'sitting at a table',
      // The weak table only confirms the posture; the person and what is on the table carry it.
      confidence: Math.max(table.confidence, ...touching.map((o) => o.confidence)),
      uses: [table],
    };
  else if (seat)
    relation = {
      text: `sitting on ${article(seat.name)}`,
      confidence: seat.confidence,
      uses: [seat],
    };
  const used = new Set(relation?.uses);
  const near = touching.filter((o) => !used.has(o) && !SEATS.has(o.name) && o.name !== 'table');
  const far = confident.filter((o) => !used.has(o) && !near.includes(o));
  return { ...(relation ? { relation } : {}), near, far };
}

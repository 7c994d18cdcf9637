import { chroma, rgbToOklab, type Lab } from './oklab.js';

/**
 * Azure's twelve colour names. The docs list "gray"; the service itself answers "Grey"
 * (observed in real responses), so that spelling is used.
 */
export type ColorName =
  | 'Black'
  | 'Blue'
  | 'Brown'
  | 'Grey'
  | 'Green'
  | 'Orange'
  | 'Pink'
  | 'Purple'
  | 'Red'
  | 'Teal'
  | 'White'
  | 'Yellow';

// Prototypes of the chromatic names, several per name where the name spans a wide region
// (brown runs from tan to dark chocolate, pink from pastel to hot pink).
const PROTOTYPES: ReadonlyArray<readonly [ColorName, number, number, number]> = [
  ['Red', 220, 30, 30],
  ['Red', 150, 20, 25],
  ['Orange', 250, 140, 20],
  ['Orange', 230, 110, 40],
  ['Yellow', 250, 225, 30],
  ['Yellow', 220, 200, 80],
  ['Green', 40, 170, 50],
  ['Green', 30, 90, 30],
  ['Green', 140, 200, 90],
  ['Teal', 0, 128, 128],
  ['Teal', 60, 180, 170],
  ['Blue', 30, 80, 220],
  ['Blue', 20, 40, 120],
  ['Blue', 110, 160, 230],
  ['Purple', 120, 40, 160],
  ['Purple', 80, 30, 100],
  ['Purple', 170, 120, 210],
  ['Pink', 250, 140, 190],
  ['Pink', 230, 60, 140],
  ['Pink', 240, 190, 200],
  ['Brown', 120, 70, 30],
  ['Brown', 80, 50, 30],
  ['Brown', 170, 120, 80],
  ['Brown', 200, 160, 120],
];
const LABS = PROTOTYPES.map(([name, r, g, b]) => ({ name, lab: rgbToOklab(r, g, b) }));

/** Below this OKLab chroma a colour reads as grey (JPEG noise on greys stays under it). */
export const GREY_CHROMA = 0.035;

/** Names a colour: achromatic ones by lightness, chromatic ones by the nearest prototype. */
export function nameOf(c: Lab): ColorName {
  // Very dark colours look black whatever their hue; pale ones need less chroma to look grey.
  if (c.l < 0.25) return 'Black';
  if (chroma(c) < GREY_CHROMA * (c.l > 0.9 ? 1.5 : 1))
    return c.l > 0.9 ? 'White' : c.l < 0.35 ? 'Black' : 'Grey';
  let best: ColorName = 'Grey';
  let bestD = Infinity;
  for (const p of LABS) {
    // Hue matters more than lightness when naming: weight a/b twice as much as L.
    const d = ((c.l - p.lab.l) * 0.5) ** 2 + (c.a - p.lab.a) ** 2 + (c.b - p.lab.b) ** 2;
    if (d < bestD) {
      bestD = d;
      best = p.name;
    }
  }
  return best;
}

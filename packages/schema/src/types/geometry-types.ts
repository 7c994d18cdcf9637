import { builder } from '../builder.js';
import type { Point, Polygon, Rectangle } from '../geometry/geometry.js';

export const RectangleRef = builder.objectRef<Rectangle>('Rectangle').implement({
  description:
    'An axis-aligned box in image pixels, origin at the top-left corner. Every box in the schema (faces, objects, brands, celebrities, OCR, area of interest) uses this type.',
  fields: (t) => ({
    x: t.exposeInt('x', { description: 'Left edge, in pixels from the left of the image.' }),
    y: t.exposeInt('y', { description: 'Top edge, in pixels from the top of the image.' }),
    width: t.exposeInt('width', { description: 'Width in pixels.' }),
    height: t.exposeInt('height', { description: 'Height in pixels.' }),
  }),
});

export const PointRef = builder.objectRef<Point>('Point').implement({
  description: 'A point in image pixels (fractional for read results).',
  fields: (t) => ({
    x: t.exposeFloat('x', { description: 'Pixels from the left edge.' }),
    y: t.exposeFloat('y', { description: 'Pixels from the top edge.' }),
  }),
});

export const PolygonRef = builder.objectRef<Polygon>('Polygon').implement({
  description:
    'A closed polygon (read results give quadrilaterals), clockwise from the top-left corner.',
  fields: (t) => ({
    points: t.field({
      type: [PointRef],
      description: 'Corners in clockwise order.',
      resolve: (p) => p.points,
    }),
  }),
});

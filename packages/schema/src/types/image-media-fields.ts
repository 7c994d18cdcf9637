import type { BoundingRect } from '@visiongraph/core';
import { builder } from '../builder.js';
import { toRectangle } from '../convert/analysis.js';
import { badUserInput } from '../errors/to-graphql-error.js';
import type { ThumbnailData } from '../loaders/loaders.js';
import { RectangleRef } from './geometry-types.js';
import { ImageObjectRef } from './image-ref-type.js';
import { ThumbnailRef } from './misc-types.js';

/** Azure v3.2 thumbnail size bounds, inclusive. */
export const THUMBNAIL_MAX = 1024;

function checkSide(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > THUMBNAIL_MAX) {
    throw badUserInput(name, `must be between 1 and ${THUMBNAIL_MAX}, got ${value}`);
  }
}

builder.objectFields(ImageObjectRef, (t) => ({
  thumbnail: t.field({
    type: ThumbnailRef,
    nullable: true,
    args: {
      width: t.arg.int({
        required: true,
        description: `Width in pixels, 1..${THUMBNAIL_MAX} (50 or more recommended).`,
      }),
      height: t.arg.int({
        required: true,
        description: `Height in pixels, 1..${THUMBNAIL_MAX} (50 or more recommended).`,
      }),
      smartCropping: t.arg.boolean({
        required: true,
        defaultValue: true,
        description: 'Crop around the region of interest instead of the centre.',
      }),
    },
    description:
      'A thumbnail of the given size: one upstream call per distinct (width, height, smartCropping).',
    resolve: async (image, { width, height, smartCropping }, ctx) => {
      checkSide('width', width);
      checkSide('height', height);
      const data = (await ctx.loaders.thumbnail.load({
        image,
        width,
        height,
        smartCropping,
      })) as ThumbnailData;
      return { width, height, smartCropping, ...data };
    },
  }),
  areaOfInterest: t.field({
    type: RectangleRef,
    nullable: true,
    description: 'The most important region of the image, for your own cropping.',
    resolve: async (image, _args, ctx) => {
      const rect = (await ctx.loaders.areaOfInterest.load(image)) as BoundingRect | null;
      return rect ? toRectangle(rect) : null;
    },
  }),
}));

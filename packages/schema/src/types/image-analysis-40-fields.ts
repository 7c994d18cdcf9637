import type { CropRegion, DenseCaption, DetectedPerson } from '@visiongraph/core';
import { builder } from '../builder.js';
import { SMART_CROPS_RATIO_RANGE } from '@visiongraph/core';
import { GraphQLError } from 'graphql';
import { toDenseCaption, toPerson, toSmartCrop } from '../convert/image-analysis.js';
import { ErrorCode } from '../errors/error-codes.js';
import { loadPart40 } from './dual-api.js';
import { DenseCaptionRef, PersonRef, SmartCropRef } from './image-analysis-40-types.js';
import { ImageObjectRef, mapList } from './image-ref-type.js';

/** More ratios than this in one field is not a thumbnail set any more; keeps one call bounded. */
export const MAX_CROP_RATIOS = 10;

/** Azure's own check, made here so one bad ratio fails only this field, not the image's call. */
function checkRatios(ratios: readonly number[]): void {
  const { min, max } = SMART_CROPS_RATIO_RANGE;
  const bad = ratios.filter((r) => !(r >= min && r <= max));
  if (bad.length > 0 || ratios.length > MAX_CROP_RATIOS) {
    const why =
      bad.length > 0
        ? `each ratio must be between ${min} and ${max}, got ${bad.join(', ')}`
        : `at most ${MAX_CROP_RATIOS} ratios, got ${ratios.length}`;
    throw new GraphQLError(`Invalid argument "aspectRatios": ${why}`, {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        argument: 'aspectRatios',
        upstreamCode: 'BadArgument',
      },
    });
  }
}

builder.objectFields(ImageObjectRef, (t) => ({
  denseCaptions: t.field({
    type: [DenseCaptionRef],
    nullable: true,
    args: {
      genderNeutral: t.arg.boolean({
        required: true,
        defaultValue: false,
        description: "Say 'person' and 'child' instead of 'man', 'woman', 'boy', 'girl'.",
      }),
    },
    description:
      "Up to 10 captions, the first for the whole image and one per salient region (Image Analysis 4.0 `denseCaptions`, sharing the image's one 4.0 call).",
    resolve: async (image, { genderNeutral }, ctx) =>
      mapList(
        await loadPart40<DenseCaption[]>(ctx, image, {
          kind: 'denseCaptions',
          neutral: genderNeutral,
        }),
        toDenseCaption,
      ),
  }),
  people: t.field({
    type: [PersonRef],
    nullable: true,
    description: "People's boxes (Image Analysis 4.0 `people`, sharing the image's one 4.0 call).",
    resolve: async (image, _args, ctx) =>
      mapList(await loadPart40<DetectedPerson[]>(ctx, image, { kind: 'people' }), toPerson),
  }),
  smartCrops: t.field({
    type: [SmartCropRef],
    nullable: true,
    args: {
      aspectRatios: t.arg.floatList({
        required: false,
        description: `Width / height of each crop, ${SMART_CROPS_RATIO_RANGE.min} to ${SMART_CROPS_RATIO_RANGE.max}; omit to let the service pick one crop (0.5 to 2.0).`,
      }),
    },
    description:
      "Crop rectangles per aspect ratio (Image Analysis 4.0 `smartCrops`): every ratio asked for this image in one request shares the image's one 4.0 call, and each ratio is cached on its own.",
    resolve: async (image, { aspectRatios }, ctx) => {
      if (aspectRatios == null) {
        const crop = await loadPart40<CropRegion>(ctx, image, { kind: 'smartCrop', ratio: 'auto' });
        return crop ? [toSmartCrop(crop)] : null;
      }
      checkRatios(aspectRatios);
      const crops = await Promise.all(
        aspectRatios.map((ratio) =>
          loadPart40<CropRegion>(ctx, image, { kind: 'smartCrop', ratio }),
        ),
      );
      return crops.flatMap((c) => (c ? [toSmartCrop(c)] : []));
    },
  }),
}));

import type {
  CaptionResult,
  DetectedTag,
  ImageAnalysis40,
  AdultInfo,
  CelebritiesModel,
  ColorInfo,
  DetectedBrand,
  DetectedObject,
  FaceDescription,
  ImageCaption,
  ImageDescriptionDetails,
  ImageTag,
  ImageType,
  LandmarksModel,
} from '@visiongraph/core';
import { builder } from '../builder.js';
import {
  type CategoryShape,
  toAdult,
  toBrand,
  toCaption,
  toCelebrity,
  toColor,
  toDetectedObject,
  toFace,
  toImageType,
  toLandmark,
  toTag,
} from '../convert/analysis.js';
import { object40, tag40 } from '../convert/image-analysis.js';
import { badUserInput } from '../errors/to-graphql-error.js';
import { loadPart40, viaApi } from './dual-api.js';
import {
  AdultInfoRef,
  BrandRef,
  CaptionRef,
  CategoryRef,
  CelebrityRef,
  ColorInfoRef,
  DetectedObjectRef,
  FaceRef,
  ImageTypeRef,
  LandmarkRef,
  TagRef,
} from './analysis-types.js';
import { ImageObjectRef, loadFeature, mapList, mapOne } from './image-ref-type.js';

/** Upper bound of `captions(max:)`; Azure documents no limit, more candidates are rarely useful. */
export const MAX_CAPTIONS = 10;

builder.objectFields(ImageObjectRef, (t) => ({
  caption: t.field({
    type: CaptionRef,
    nullable: true,
    args: {
      genderNeutral: t.arg.boolean({
        required: true,
        defaultValue: false,
        description:
          "Say 'person' and 'child' instead of 'man', 'woman', 'boy', 'girl' (Image Analysis 4.0 only: true always asks 4.0).",
      }),
    },
    description:
      'The best caption: v3.2 analyze feature Description, or Image Analysis 4.0 `caption` (VISION_API). Null when Azure found none.',
    resolve: async (image, { genderNeutral }, ctx) => {
      const via40 = async () =>
        mapOne(
          await loadPart40<CaptionResult>(ctx, image, { kind: 'caption', neutral: genderNeutral }),
          toCaption,
        );
      if (genderNeutral) return via40();
      return viaApi(ctx, 'caption', via40, async () => {
        const description = await loadFeature<ImageDescriptionDetails>(ctx, image, 'Description');
        const best = description?.captions?.[0];
        return best ? toCaption(best) : null;
      });
    },
  }),
  captions: t.field({
    type: [CaptionRef],
    nullable: true,
    args: {
      max: t.arg.int({
        required: true,
        defaultValue: 3,
        description: `Most captions to return, 1..${MAX_CAPTIONS}.`,
      }),
    },
    description:
      'Several candidate captions, best first. With max 1 this shares the analyze call; with max > 1 it costs one describe call (analyze returns a single caption).',
    resolve: async (image, { max }, ctx) => {
      if (!Number.isInteger(max) || max < 1 || max > MAX_CAPTIONS) {
        throw badUserInput('max', `must be between 1 and ${MAX_CAPTIONS}, got ${max}`);
      }
      if (max === 1) {
        const description = await loadFeature<ImageDescriptionDetails>(ctx, image, 'Description');
        return mapList(description?.captions?.slice(0, 1), toCaption);
      }
      const captions = (await ctx.loaders.describe.load({ image, maxCandidates: max })) as
        | ImageCaption[]
        | null;
      return mapList(captions?.slice(0, max), toCaption);
    },
  }),
  tags: t.field({
    type: [TagRef],
    nullable: true,
    args: {
      minConfidence: t.arg.float({
        required: true,
        defaultValue: 0,
        description: 'Drop tags below this confidence (0..1).',
      }),
    },
    description:
      'Content tags, most confident first (filtered here, so any threshold shares one cached call); v3.2 analyze Tags or Image Analysis 4.0 `tags` per VISION_API.',
    resolve: async (image, { minConfidence }, ctx) => {
      if (!(minConfidence >= 0 && minConfidence <= 1)) {
        throw badUserInput('minConfidence', `must be between 0 and 1, got ${minConfidence}`);
      }
      const shaped = await viaApi(
        ctx,
        'tags',
        async () => mapList(await loadPart40<DetectedTag[]>(ctx, image, { kind: 'tags' }), tag40),
        async () => mapList(await loadFeature<ImageTag[]>(ctx, image, 'Tags'), toTag),
      );
      return shaped?.filter((tag) => tag.confidence >= minConfidence) ?? null;
    },
  }),
  categories: t.field({
    type: [CategoryRef],
    nullable: true,
    description: 'Categories from the 86-category taxonomy.',
    resolve: (image, _args, ctx) => loadFeature<CategoryShape[]>(ctx, image, 'Categories'),
  }),
  objects: t.field({
    type: [DetectedObjectRef],
    nullable: true,
    description:
      'Objects with their bounding boxes (v3.2 analyze Objects, or Image Analysis 4.0 `objects` per VISION_API; 4.0 gives no parent classes).',
    resolve: (image, _args, ctx) =>
      viaApi(
        ctx,
        'objects',
        async () =>
          mapList(
            await loadPart40<ImageAnalysis40.DetectedObject[]>(ctx, image, { kind: 'objects' }),
            object40,
          ),
        async () =>
          mapList(await loadFeature<DetectedObject[]>(ctx, image, 'Objects'), toDetectedObject),
      ),
  }),
  faces: t.field({
    type: [FaceRef],
    nullable: true,
    description: 'Faces with their bounding boxes, age and apparent gender.',
    resolve: async (image, _args, ctx) =>
      mapList(await loadFeature<FaceDescription[]>(ctx, image, 'Faces'), toFace),
  }),
  color: t.field({
    type: ColorInfoRef,
    nullable: true,
    description: 'Dominant and accent colours.',
    resolve: async (image, _args, ctx) =>
      mapOne(await loadFeature<ColorInfo>(ctx, image, 'Color'), toColor),
  }),
  imageType: t.field({
    type: ImageTypeRef,
    nullable: true,
    description: 'Clip-art and line-drawing detection.',
    resolve: async (image, _args, ctx) =>
      mapOne(await loadFeature<ImageType>(ctx, image, 'ImageType'), toImageType),
  }),
  adult: t.field({
    type: AdultInfoRef,
    nullable: true,
    description: 'Adult, racy and gory content scores.',
    resolve: async (image, _args, ctx) =>
      mapOne(await loadFeature<AdultInfo>(ctx, image, 'Adult'), toAdult),
  }),
  brands: t.field({
    type: [BrandRef],
    nullable: true,
    description: 'Brand logos with their bounding boxes.',
    resolve: async (image, _args, ctx) =>
      mapList(await loadFeature<DetectedBrand[]>(ctx, image, 'Brands'), toBrand),
  }),
  landmarks: t.field({
    type: [LandmarkRef],
    nullable: true,
    description: 'Recognised landmarks (analyze `details=Landmarks`, sharing the analyze call).',
    resolve: async (image, _args, ctx) =>
      mapList(await loadFeature<LandmarksModel[]>(ctx, image, 'Landmarks'), toLandmark),
  }),
  celebrities: t.field({
    type: [CelebrityRef],
    nullable: true,
    description:
      'Recognised celebrities with face boxes (analyze `details=Celebrities`, sharing the analyze call).',
    resolve: async (image, _args, ctx) =>
      mapList(await loadFeature<CelebritiesModel[]>(ctx, image, 'Celebrities'), toCelebrity),
  }),
}));

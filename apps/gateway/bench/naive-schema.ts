// The baseline the gateway is compared with: the same SDL, but every field resolver makes its
// own upstream call (no DataLoader, no feature union, no cache): what a first, naive
// implementation of "one resolver per field" over the Vision REST API does.
import { readFileSync } from 'node:fs';
import type { BoundingRect, FaceRectangle, ImageAnalysis, VisionClient } from '@visiongraph/core';
import { buildSchema, graphql, type GraphQLFieldResolver } from 'graphql';

const SDL = readFileSync(
  new URL('../../../packages/schema/schema.graphql', import.meta.url),
  'utf8',
);
const schema = buildSchema(SDL);

type Parent = { url: string };
type Resolver = (parent: Parent, args: Record<string, any>, client: VisionClient) => unknown;

const box = (r: BoundingRect | undefined) => ({
  x: r?.x ?? 0,
  y: r?.y ?? 0,
  width: r?.w ?? 0,
  height: r?.h ?? 0,
});
const faceBox = (r: FaceRectangle | undefined) => ({
  x: r?.left ?? 0,
  y: r?.top ?? 0,
  width: r?.width ?? 0,
  height: r?.height ?? 0,
});
const celebrities = (a: ImageAnalysis) =>
  (a.categories ?? []).flatMap((c) => c.detail?.celebrities ?? []);
const landmarks = (a: ImageAnalysis) =>
  (a.categories ?? []).flatMap((c) => c.detail?.landmarks ?? []);

const IMAGE_FIELDS: Record<string, Resolver> = {
  id: (p) => p.url,
  url: (p) => p.url,
  caption: async (p, _a, c) => {
    const caption = (await c.analyze(p.url, { visualFeatures: ['Description'] })).description
      ?.captions?.[0];
    return caption ? { text: caption.text, confidence: caption.confidence } : null;
  },
  tags: async (p, _a, c) => (await c.analyze(p.url, { visualFeatures: ['Tags'] })).tags ?? [],
  objects: async (p, _a, c) =>
    ((await c.analyze(p.url, { visualFeatures: ['Objects'] })).objects ?? []).map((o) => ({
      name: o.object,
      confidence: o.confidence,
      rectangle: box(o.rectangle),
      parent: null,
    })),
  faces: async (p, _a, c) =>
    ((await c.analyze(p.url, { visualFeatures: ['Faces'] })).faces ?? []).map((f) => ({
      age: f.age,
      gender: f.gender?.toUpperCase(),
      rectangle: faceBox(f.faceRectangle),
    })),
  color: async (p, _a, c) => {
    const color = (await c.analyze(p.url, { visualFeatures: ['Color'] })).color;
    return (
      color && {
        dominantForeground: color.dominantColorForeground,
        dominantBackground: color.dominantColorBackground,
        dominantColors: color.dominantColors,
        accentColor: color.accentColor,
        isBlackAndWhite: color.isBWImg,
      }
    );
  },
  adult: async (p, _a, c) => {
    const adult = (await c.analyze(p.url, { visualFeatures: ['Adult'] })).adult;
    return (
      adult && {
        isAdult: adult.isAdultContent,
        isRacy: adult.isRacyContent,
        isGory: adult.isGoryContent,
        adultScore: adult.adultScore,
        racyScore: adult.racyScore,
        goreScore: adult.goreScore,
      }
    );
  },
  landmarks: async (p, _a, c) => landmarks(await c.analyze(p.url, { details: ['Landmarks'] })),
  celebrities: async (p, _a, c) =>
    celebrities(await c.analyze(p.url, { details: ['Celebrities'] })).map((x) => ({
      name: x.name,
      confidence: x.confidence,
      rectangle: faceBox(x.faceRectangle),
    })),
  thumbnail: async (p, a, c) => {
    const t = await c.generateThumbnail(p.url, {
      width: a['width'],
      height: a['height'],
      smartCropping: a['smartCropping'],
    });
    const base64 = Buffer.from(t.data).toString('base64');
    return {
      ...a,
      contentType: t.contentType,
      byteSize: t.data.length,
      base64,
      dataUrl: `data:${t.contentType};base64,${base64}`,
    };
  },
  // Image Analysis 4.0 fields: one imageanalysis:analyze call per field.
  denseCaptions: async (p, a, c) =>
    (
      (
        await c.analyzeImage(p.url, {
          features: ['denseCaptions'],
          genderNeutralCaption: !!a['genderNeutral'],
        })
      ).denseCaptionsResult?.values ?? []
    ).map((d) => ({ text: d.text, confidence: d.confidence, rectangle: box(d.boundingBox) })),
  people: async (p, _a, c) =>
    ((await c.analyzeImage(p.url, { features: ['people'] })).peopleResult?.values ?? []).map(
      (x) => ({ confidence: x.confidence, rectangle: box(x.boundingBox) }),
    ),
  smartCrops: async (p, a, c) =>
    (
      (
        await c.analyzeImage(p.url, {
          features: ['smartCrops'],
          ...(a['aspectRatios'] && { smartCropsAspectRatios: a['aspectRatios'] as number[] }),
        })
      ).smartCropsResult?.values ?? []
    ).map((x) => ({ aspectRatio: x.aspectRatio, rectangle: box(x.boundingBox) })),
  text: async (p, a, c) => {
    const result = await c.readAndWait(p.url, {
      readingOrder: String(a['readingOrder']).toLowerCase() as 'natural',
    });
    const lines = (result.analyzeResult?.readResults ?? []).flatMap((page) => page.lines ?? []);
    return { text: lines.map((l) => l.text).join('\n'), pages: [], lines: [], words: [] };
  },
};

const QUERY_FIELDS: Record<string, Resolver> = {
  image: (_p, a) => ({ url: a['url'] }),
  images: (_p, a) => (a['urls'] as string[]).map((url) => ({ url })),
  models: async (_p, _a, c) => (await c.listModels({})).models ?? [],
};

const fieldResolver: GraphQLFieldResolver<unknown, VisionClient> = (source, args, client, info) => {
  const own =
    info.parentType.name === 'Query'
      ? QUERY_FIELDS
      : info.parentType.name === 'Image'
        ? IMAGE_FIELDS
        : undefined;
  const resolve = own?.[info.fieldName];
  if (resolve) return resolve(source as Parent, args, client);
  return (source as Record<string, unknown>)[info.fieldName];
};

/** Runs a query with one upstream call per field, as a naive resolver set would. */
export function executeNaive(client: VisionClient, query: string) {
  return graphql({ schema, source: query, contextValue: client, fieldResolver });
}

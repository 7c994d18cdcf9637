import type DataLoader from 'dataloader';
import type { ImageRef } from '../image/image-ref.js';
import { type AnalyzeKey, createAnalyzeLoader } from './analyze-loader.js';
import { createCallLoader } from './call-loader.js';
import { createImageAnalysisLoader, type ImageAnalysisKey } from './image-analysis-loader.js';
import { cacheKey, type LoaderDeps, upstreamInput } from './loader-deps.js';
import { readTransactions } from '../cost/transaction-meter.js';

export interface DescribeKey {
  image: ImageRef;
  maxCandidates: number;
}
export interface ThumbnailKey {
  image: ImageRef;
  width: number;
  height: number;
  smartCropping: boolean;
}
export interface OcrKey {
  image: ImageRef;
  language: string;
  detectOrientation: boolean;
}
export interface ReadKey {
  image: ImageRef;
  language: string | undefined;
  readingOrder: 'basic' | 'natural';
}

/** Cached thumbnail: bytes as base64 so the entry is JSON (and Redis-ready). */
export interface ThumbnailData {
  contentType: string;
  base64: string;
}

/** The per-request loaders; values are raw upstream parts, converted by the field resolvers. */
export interface Loaders {
  analyze: DataLoader<AnalyzeKey, unknown, string>;
  /** Image Analysis 4.0 parts: one call per image for all of them. */
  imageAnalysis: DataLoader<ImageAnalysisKey, unknown, string>;
  describe: DataLoader<DescribeKey, unknown, string>;
  thumbnail: DataLoader<ThumbnailKey, unknown, string>;
  areaOfInterest: DataLoader<ImageRef, unknown, string>;
  ocr: DataLoader<OcrKey, unknown, string>;
  read: DataLoader<ReadKey, unknown, string>;
  models: DataLoader<'models', unknown, string>;
}

export function createLoaders(deps: LoaderDeps): Loaders {
  const { client } = deps;
  return {
    analyze: createAnalyzeLoader(deps),
    imageAnalysis: createImageAnalysisLoader(deps),
    describe: createCallLoader<DescribeKey>(deps, {
      name: 'describe',
      keyOf: (k) => cacheKey(k.image.id, 'describe', k.maxCandidates),
      imageOf: (k) => k.image,
      call: async (k, signal) => {
        const result = await client.describe(await upstreamInput(deps, k.image), {
          maxCandidates: k.maxCandidates,
          signal,
        });
        return result.description?.captions ?? [];
      },
    }),
    thumbnail: createCallLoader<ThumbnailKey>(deps, {
      name: 'thumbnail',
      keyOf: (k) => cacheKey(k.image.id, 'thumbnail', k.width, k.height, k.smartCropping),
      imageOf: (k) => k.image,
      call: async (k, signal): Promise<ThumbnailData> => {
        const { width, height, smartCropping } = k;
        const result = await client.generateThumbnail(await upstreamInput(deps, k.image), {
          width,
          height,
          smartCropping,
          signal,
        });
        return {
          contentType: result.contentType,
          base64: Buffer.from(result.data).toString('base64'),
        };
      },
    }),
    areaOfInterest: createCallLoader<ImageRef>(deps, {
      name: 'areaOfInterest',
      keyOf: (image) => cacheKey(image.id, 'areaOfInterest'),
      imageOf: (image) => image,
      call: async (image, signal) =>
        (await client.areaOfInterest(await upstreamInput(deps, image), { signal }))
          .areaOfInterest ?? null,
    }),
    ocr: createCallLoader<OcrKey>(deps, {
      name: 'ocr',
      keyOf: (k) => cacheKey(k.image.id, 'ocr', k.language, k.detectOrientation),
      imageOf: (k) => k.image,
      call: async (k, signal) =>
        client.ocr(await upstreamInput(deps, k.image), {
          language: k.language,
          detectOrientation: k.detectOrientation,
          signal,
        }),
    }),
    read: createCallLoader<ReadKey>(deps, {
      name: 'read',
      keyOf: (k) => cacheKey(k.image.id, 'read', k.language ?? '', k.readingOrder),
      imageOf: (k) => k.image,
      // The signal also stops the polling of a read nobody waits for.
      call: async (k, signal) => {
        const options = {
          readingOrder: k.readingOrder,
          signal,
          ...(k.language ? { language: k.language } : {}),
          // Read bills per page: ask for no more pages than the budget counted.
          ...(deps.readPageLimit ? { pages: [`1-${deps.readPageLimit}`] } : {}),
        };
        const result = await client.readAndWait(await upstreamInput(deps, k.image), options);
        return result.analyzeResult?.readResults ?? [];
      },
      transactions: readTransactions,
    }),
    models: createCallLoader<'models'>(deps, {
      name: 'models',
      keyOf: () => cacheKey('', 'models'),
      imageOf: () => undefined,
      call: async (_key, signal) => (await client.listModels({ signal })).models ?? [],
      transactions: () => 0, // listing models is free
    }),
  };
}

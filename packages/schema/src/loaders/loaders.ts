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

type LoaderFactories = { [K in keyof Loaders]: (deps: LoaderDeps) => Loaders[K] };

// One factory per loader; `RequestLoaders` calls each on first use.
const FACTORIES: LoaderFactories = {
  analyze: createAnalyzeLoader,
  imageAnalysis: createImageAnalysisLoader,
  describe: (deps) =>
    createCallLoader<DescribeKey>(deps, {
      name: 'describe',
      keyOf: (k) => cacheKey(k.image.id, 'describe', k.maxCandidates),
      imageOf: (k) => k.image,
      call: async (k, signal) => {
        const result = await deps.client.describe(await upstreamInput(deps, k.image), {
          maxCandidates: k.maxCandidates,
          signal,
        });
        return result.description?.captions ?? [];
      },
    }),
  thumbnail: (deps) =>
    createCallLoader<ThumbnailKey>(deps, {
      name: 'thumbnail',
      keyOf: (k) => cacheKey(k.image.id, 'thumbnail', k.width, k.height, k.smartCropping),
      imageOf: (k) => k.image,
      call: async (k, signal): Promise<ThumbnailData> => {
        const { width, height, smartCropping } = k;
        const result = await deps.client.generateThumbnail(await upstreamInput(deps, k.image), {
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
  areaOfInterest: (deps) =>
    createCallLoader<ImageRef>(deps, {
      name: 'areaOfInterest',
      keyOf: (image) => cacheKey(image.id, 'areaOfInterest'),
      imageOf: (image) => image,
      call: async (image, signal) =>
        (await deps.client.areaOfInterest(await upstreamInput(deps, image), { signal }))
          .areaOfInterest ?? null,
    }),
  ocr: (deps) =>
    createCallLoader<OcrKey>(deps, {
      name: 'ocr',
      keyOf: (k) => cacheKey(k.image.id, 'ocr', k.language, k.detectOrientation),
      imageOf: (k) => k.image,
      call: async (k, signal) =>
        deps.client.ocr(await upstreamInput(deps, k.image), {
          language: k.language,
          detectOrientation: k.detectOrientation,
          signal,
        }),
    }),
  read: (deps) =>
    createCallLoader<ReadKey>(deps, {
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
        const result = await deps.client.readAndWait(await upstreamInput(deps, k.image), options);
        return result.analyzeResult?.readResults ?? [];
      },
      transactions: readTransactions,
    }),
  models: (deps) =>
    createCallLoader<'models'>(deps, {
      name: 'models',
      keyOf: () => cacheKey('', 'models'),
      imageOf: () => undefined,
      call: async (_key, signal) => (await deps.client.listModels({ signal })).models ?? [],
      transactions: () => 0, // listing models is free
    }),
};

/**
 * A request's loaders, each built on first use: a query touches one or two of them, and building
 * all of them (DataLoaders, their caches and closures) for every request showed in the gateway's
 * CPU profile.
 */
class RequestLoaders implements Loaders {
  readonly #deps: LoaderDeps;
  readonly #built: Partial<Loaders> = {};
  constructor(deps: LoaderDeps) {
    this.#deps = deps;
  }
  #get<K extends keyof Loaders>(name: K): Loaders[K] {
    return (this.#built[name] ??= FACTORIES[name](this.#deps));
  }
  get analyze() {
    return this.#get('analyze');
  }
  get imageAnalysis() {
    return this.#get('imageAnalysis');
  }
  get describe() {
    return this.#get('describe');
  }
  get thumbnail() {
    return this.#get('thumbnail');
  }
  get areaOfInterest() {
    return this.#get('areaOfInterest');
  }
  get ocr() {
    return this.#get('ocr');
  }
  get read() {
    return this.#get('read');
  }
  get models() {
    return this.#get('models');
  }
}

export function createLoaders(deps: LoaderDeps): Loaders {
  return new RequestLoaders(deps);
}

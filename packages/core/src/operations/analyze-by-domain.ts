import { InvalidInputError } from '../errors/error-classes.js';
import type {
  CelebritiesModel,
  DomainModelResults,
  LandmarksModel,
} from '../generated/spec-types.js';
import type { ImageInput } from '../image-input.js';
import type { CallOptions } from '../options.js';
import type { Language } from './analyze.js';
import type { OperationContext } from './context.js';
import { postImageForJson } from './image-operation.js';

export type DomainModel = 'celebrities' | 'landmarks' | (string & {});

/** `analyzeByDomain('celebrities', …)`: the spec types `result` as any object; this is its shape. */
export interface CelebrityResults extends DomainModelResults {
  result?: { celebrities?: CelebritiesModel[] };
}

/** `analyzeByDomain('landmarks', …)`. */
export interface LandmarkResults extends DomainModelResults {
  result?: { landmarks?: LandmarksModel[] };
}

export interface AnalyzeByDomainOptions extends CallOptions {
  /** @default "en" */
  language?: Language;
}

/** POST /models/{model}/analyze. */
export async function analyzeByDomain(
  ctx: OperationContext,
  model: DomainModel,
  image: ImageInput,
  o: AnalyzeByDomainOptions = {},
): Promise<DomainModelResults> {
  if (typeof model !== 'string' || model.trim() === '') {
    throw new InvalidInputError('model must be a non-empty model name, e.g. "celebrities"', {
      code: 'InvalidModel',
    });
  }
  const path = `/models/${encodeURIComponent(model)}/analyze`;
  return postImageForJson(ctx, {
    operation: 'analyzeByDomain',
    path,
    query: { language: o.language },
    image,
    options: o,
  });
}

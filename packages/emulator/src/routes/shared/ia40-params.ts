// Query parameters of Image Analysis 4.0 `imageanalysis:analyze`, checked in Azure's order with
// Azure's 4.0 errors: api-version, features (required), language, gender-neutral-caption,
// smartcrops-aspect-ratios (0.75..1.8), model-version.
import {
  IA40_API_VERSION,
  IA40_FEATURES,
  IA40_MODEL_VERSION,
  IA40_MODEL_VERSIONS,
  IA40_RATIO_RANGE,
  MODEL_VERSION_PATTERN,
  SERVICE_LANGUAGES_V3,
  type Ia40Feature,
} from '../../constants.js';
import { AzureErrors } from '../../errors/azure-error-factory.js';
import type { Query } from '../../http/query.js';
import { parseList } from './params.js';

export interface Ia40Params {
  features: Ia40Feature[];
  language: string;
  genderNeutral: boolean;
  /** Undefined when not given: Azure then picks one crop itself. */
  ratios: number[] | undefined;
  modelVersion: string;
}

/** Features that only exist in English (Azure: "only tags can be generated in other languages"). */
const ENGLISH_ONLY: readonly Ia40Feature[] = ['caption', 'denseCaptions'];

function parseRatios(value: string | undefined): number[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const out: number[] = [];
  for (const item of value.split(',').map((s) => s.trim())) {
    // Decimal numbers only: Number('') is 0 and Number('0x1') is 1, neither is a ratio.
    const n = /^\d+(\.\d+)?$|^\.\d+$/.test(item) ? Number(item) : Number.NaN;
    if (!(n >= IA40_RATIO_RANGE.min && n <= IA40_RATIO_RANGE.max))
      throw AzureErrors.ia40.ratio(item);
    out.push(n);
  }
  return out;
}

export function parseIa40Params(query: Query): Ia40Params {
  // An api-version this service does not have is, to Azure, a path that does not exist.
  if (query.get('api-version') !== IA40_API_VERSION) throw AzureErrors.resourceNotFound();
  const features = parseList(query.get('features'), IA40_FEATURES, AzureErrors.ia40.feature);
  if (features.length === 0) throw AzureErrors.ia40.featuresMissing();
  const raw = query.get('language');
  const language =
    raw === undefined || raw === ''
      ? 'en'
      : SERVICE_LANGUAGES_V3.find((l) => l.toLowerCase() === raw.toLowerCase());
  if (language === undefined) throw AzureErrors.ia40.language(raw!);
  if (language !== 'en' && features.some((f) => ENGLISH_ONLY.includes(f)))
    throw AzureErrors.ia40.language(language);
  const neutral = query.get('gender-neutral-caption')?.toLowerCase();
  if (neutral !== undefined && neutral !== '' && neutral !== 'true' && neutral !== 'false')
    throw AzureErrors.ia40.badArgument(
      `'gender-neutral-caption' must be true or false, got '${neutral}'.`,
    );
  const ratios = parseRatios(query.get('smartcrops-aspect-ratios'));
  const version = query.get('model-version');
  if (
    version !== undefined &&
    (!MODEL_VERSION_PATTERN.test(version) ||
      !(IA40_MODEL_VERSIONS as readonly string[]).includes(version))
  ) {
    throw AzureErrors.ia40.badArgument(
      `Model version '${version}' is not supported. Supported values: ${IA40_MODEL_VERSIONS.join(', ')}.`,
    );
  }
  return {
    features,
    language,
    genderNeutral: neutral === 'true',
    ratios,
    modelVersion: version === undefined || version === 'latest' ? IA40_MODEL_VERSION : version,
  };
}

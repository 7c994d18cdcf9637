// Limits, enums and model versions of the Azure Computer Vision API, from spec/azure/CONTRACT.md
// (§2, §4, §7). Routes read them from here so a limit is written once.
import {
  DetailsValues,
  VisualFeatureTypesValues,
  type Details,
  type VisualFeatureTypes,
} from '@visiongraph/core/spec';

export const MB = 1024 * 1024;

/** Analyze family, /ocr, /generateThumbnail and v1.0 /recognizeText: "size < 4 MB" (§7). */
export const IMAGE_MAX_BYTES = 4 * MB;
/** Read 3.2 accepts images up to 500 MB (§7, paid tier). */
export const READ_MAX_BYTES = 500 * MB;
/** JSON bodies only carry `{url}`; anything bigger is not a request we understand. */
export const JSON_MAX_BYTES = 64 * 1024;

export const ANALYZE_MIN_DIMENSION = 50;
/** Azure: "less than 16,000 x 16,000": the largest side accepted is 15,999. */
export const ANALYZE_MAX_DIMENSION = 15_999;
export const OCR_MIN_DIMENSION = 50;
export const OCR_MAX_DIMENSION = 4_200;
export const READ_MIN_DIMENSION = 50;
export const READ_MAX_DIMENSION = 10_000;
/** PDF and TIFF: "up to 2000 pages"; longer documents are refused before any page is rendered. */
export const READ_MAX_PAGES = 2_000;

export const THUMBNAIL_MIN = 1;
export const THUMBNAIL_MAX_V3 = 1_024;
/** The v1.0 spec says 1023 although its prose says 1024 (§2). */
export const THUMBNAIL_MAX_V1 = 1_023;

export const ANALYSIS_MODEL_VERSION = '2021-05-01';
export const ANALYSIS_MODEL_VERSIONS = ['latest', '2021-04-01', '2021-05-01'] as const;
export const READ_MODEL_VERSION = '2022-04-30';
export const READ_MODEL_VERSIONS = [
  'latest',
  '2022-04-30',
  '2022-01-30-preview',
  '2021-09-30-preview',
  '2021-04-12',
] as const;
export const READ_RESULT_VERSION = '3.2.0';
export const MODEL_VERSION_PATTERN = /^(latest|\d{4}-\d{2}-\d{2})(-preview)?$/;

// v3.2's lists come from the spec, through core's generated types (one source for the client,
// the schema, the gateway's metric labels and this emulator); v1.0 had fewer features.
export const VISUAL_FEATURES_V3: readonly VisualFeatureTypes[] = VisualFeatureTypesValues;
export const VISUAL_FEATURES_V1 = [
  'ImageType',
  'Faces',
  'Adult',
  'Categories',
  'Color',
  'Tags',
  'Description',
] as const satisfies readonly VisualFeatureTypes[];
export type VisualFeature = VisualFeatureTypes;
export const DETAILS: readonly Details[] = DetailsValues;
export type Detail = Details;

export const DOMAIN_MODELS = [
  { name: 'celebrities', categories: ['people_', '人_', 'pessoas_', 'gente_'] },
  {
    name: 'landmarks',
    categories: [
      'outdoor_',
      '户外_',
      '屋外_',
      'aoarlivre_',
      'alairelibre_',
      'building_',
      '建筑_',
      '建物_',
      'edifício_',
    ],
  },
] as const;

export const SERVICE_LANGUAGES_V3 = [
  'ar',
  'az',
  'bg',
  'bs',
  'ca',
  'cs',
  'cy',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'eu',
  'fi',
  'fr',
  'ga',
  'gl',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'kk',
  'ko',
  'lt',
  'lv',
  'mk',
  'ms',
  'nb',
  'nl',
  'pl',
  'prs',
  'pt',
  'pt-BR',
  'pt-PT',
  'ro',
  'ru',
  'sk',
  'sl',
  'sr-Cyrl',
  'sr-Latn',
  'sv',
  'th',
  'tr',
  'uk',
  'vi',
  'zh',
  'zh-Hans',
  'zh-Hant',
] as const;
export const SERVICE_LANGUAGES_V1 = ['en', 'es', 'ja', 'pt', 'zh'] as const;
export const OCR_LANGUAGES = [
  'unk',
  'zh-Hans',
  'zh-Hant',
  'cs',
  'da',
  'nl',
  'en',
  'fi',
  'fr',
  'de',
  'el',
  'hu',
  'it',
  'ja',
  'ko',
  'nb',
  'pl',
  'pt',
  'ru',
  'es',
  'sv',
  'tr',
  'ar',
  'ro',
  'sr-Cyrl',
  'sr-Latn',
  'sk',
] as const;
export const READ_LANGUAGES = [
  'af',
  'ast',
  'bi',
  'br',
  'ca',
  'ceb',
  'ch',
  'co',
  'crh',
  'cs',
  'csb',
  'da',
  'de',
  'en',
  'es',
  'et',
  'eu',
  'fi',
  'fil',
  'fj',
  'fr',
  'fur',
  'fy',
  'ga',
  'gd',
  'gil',
  'gl',
  'gv',
  'hni',
  'hsb',
  'ht',
  'hu',
  'ia',
  'id',
  'it',
  'iu',
  'ja',
  'jv',
  'kaa',
  'kac',
  'kea',
  'kha',
  'kl',
  'ko',
  'ku',
  'kw',
  'lb',
  'ms',
  'mww',
  'nap',
  'nl',
  'no',
  'oc',
  'pl',
  'pt',
  'quc',
  'rm',
  'sco',
  'sl',
  'sq',
  'sv',
  'sw',
  'tet',
  'tr',
  'tt',
  'uz',
  'vo',
  'wae',
  'yua',
  'za',
  'zh-Hans',
  'zh-Hant',
  'zu',
] as const;
export const READING_ORDERS = ['basic', 'natural'] as const;
/** Read `pages` items (Ocr.json `Pages`). */
export const PAGE_RANGE_PATTERN = /^(\d+|\d+-\d+|\d+-|-\d+)$/;

/** Formats each family accepts (§7); anything else decodes but is refused as InvalidImageFormat. */
export const ANALYZE_FORMATS = ['Jpeg', 'Png', 'Gif', 'Bmp'] as const;
export const READ_FORMATS = ['Jpeg', 'Png', 'Bmp', 'Pdf', 'Tiff'] as const;

/** Status strings of the async text operations per API version (§9.3). */
export const READ_STATUS_V3 = {
  notStarted: 'notStarted',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
} as const;
export const READ_STATUS_V1 = {
  notStarted: 'Not Started',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
} as const;

export const DEFAULT_KEY = 'emulator-key';
export const DEFAULT_PORT = 5000;
export const DEFAULT_HOST = '127.0.0.1';

// --- Image Analysis 4.0 (CONTRACT.md §7, §8) ------------------------------------------------
export const IA40_API_VERSION = '2023-10-01';
/** "The image size is not allowed to be zero or larger than 20971520 bytes". */
export const IA40_MAX_BYTES = 20 * MB;
export const IA40_MIN_DIMENSION = 50;
export const IA40_MAX_DIMENSION = 16_000;
export const IA40_MODEL_VERSION = '2023-10-01';
export const IA40_MODEL_VERSIONS = ['latest', '2023-10-01'] as const;
export const IA40_FEATURES = [
  'tags',
  'caption',
  'denseCaptions',
  'objects',
  'read',
  'smartCrops',
  'people',
] as const;
export type Ia40Feature = (typeof IA40_FEATURES)[number];
/** Smart-crop ratios a caller may ask for (width / height, inclusive). */
export const IA40_RATIO_RANGE = { min: 0.75, max: 1.8 } as const;
/** 4.0 formats: JPEG, PNG, GIF, BMP, WEBP, ICO, TIFF, MPO (ICO is not decoded here). */
export const IA40_FORMATS = ['Jpeg', 'Png', 'Gif', 'Bmp', 'Webp', 'Tiff'] as const;

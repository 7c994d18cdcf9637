import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Tesseract languages whose traineddata ships in this package's dependencies (@tesseract.js-data/*). */
export const SHIPPED = ['eng', 'deu', 'fra', 'spa', 'ita', 'por', 'nld'] as const;
export type TessLanguage = (typeof SHIPPED)[number];

// Azure language code (OCR's OcrLanguages and Read's BCP-47 codes) -> tesseract language.
const BY_AZURE: Record<string, TessLanguage> = {
  en: 'eng',
  de: 'deu',
  fr: 'fra',
  es: 'spa',
  it: 'ita',
  pt: 'por',
  'pt-BR': 'por',
  'pt-PT': 'por',
  nl: 'nld',
};

/** Azure code of a shipped tesseract language. */
export const AZURE_CODE: Record<TessLanguage, string> = {
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
};

/**
 * The tesseract language for an Azure code. Languages without shipped traineddata (zh, ja, ru,
 * ar, ...) fall back to English; `fallback` says so. 'unk' and undefined mean "detect".
 */
export function tessLanguage(azure: string | undefined): {
  tess: TessLanguage;
  fallback: boolean;
  detect: boolean;
} {
  if (!azure || azure === 'unk') return { tess: 'eng', fallback: false, detect: true };
  const tess = BY_AZURE[azure] ?? BY_AZURE[azure.split('-')[0]!];
  return tess
    ? { tess, fallback: false, detect: false }
    : { tess: 'eng', fallback: true, detect: false };
}

/** Folder holding `<lang>.traineddata.gz`: the LSTM-only "best_int" models (small and fast). */
export const langPathOf = (lang: TessLanguage | 'osd'): string =>
  path.join(
    path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)),
    lang === 'osd' ? '4.0.0' : '4.0.0_best_int',
  );

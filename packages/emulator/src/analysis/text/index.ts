export { recognizePrinted } from './recognize-printed.js';
export { readText, type ReadParams } from './read-text.js';
export { closeText } from './shared-pool.js';
export { tessLanguage, SHIPPED as SHIPPED_OCR_LANGUAGES } from './tessdata.js';
export type { TextEngine } from './page-text.js';

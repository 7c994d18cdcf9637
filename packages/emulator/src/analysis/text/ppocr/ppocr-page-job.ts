// One page's work for the PP-OCR worker: a dense printed page goes to tesseract at once; on any
// other, find the lines, let the page choose its reader, read them if PP-OCR is the one.
import { chooseReader } from '../choose-reader.js';
import { looksLikeDensePrint } from '../dense-print.js';
import type { RgbRaster } from './crop-sampler.js';
import { detectTextLines, readTextLines, type PpLine } from './ppocr-lines.js';

export interface PpOcrJob {
  raster: RgbRaster;
  /** Let the page choose (else PP-OCR reads whatever it finds). */
  choose: boolean;
}
/** What the main thread sends: a page to read, or the request to release the models and end. */
export type PpOcrMessage = { type: 'page'; id: number; job: PpOcrJob } | { type: 'close' };
export type PpOcrResult = { reader: 'tesseract' } | { reader: 'ppocr'; lines: PpLine[] };
export type PpOcrReply =
  | { id: number; ok: true; result: PpOcrResult }
  | { id: number; ok: false; error: { name: string; message: string } };

export async function readPpOcrPage({ raster, choose }: PpOcrJob): Promise<PpOcrResult> {
  // A dense printed page is tesseract's without the detector's seconds of work.
  if (choose && looksLikeDensePrint(raster)) return { reader: 'tesseract' };
  const found = await detectTextLines(raster);
  if (choose && chooseReader(raster, found) === 'tesseract') return { reader: 'tesseract' };
  return { reader: 'ppocr', lines: await readTextLines(raster, found, { stretchToo: false }) };
}

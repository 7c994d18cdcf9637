// OcrAnalysis -> OcrResult. v3.2 gives textAngle in radians and adds modelVersion; v1.0 uses degrees.
import type { OcrAnalysis } from '../analysis/types.js';
import type { ApiVersion } from '../options.js';
import { ocrBox } from './geometry.js';

export function ocrJson(r: OcrAnalysis, version: ApiVersion): Record<string, unknown> {
  return {
    language: r.language,
    textAngle: version === 'v3.2' ? r.textAngle : (r.textAngle * 180) / Math.PI,
    orientation: r.orientation,
    regions: r.regions.map((region) => ({
      boundingBox: ocrBox(region.rect),
      lines: region.lines.map((line) => ({
        boundingBox: ocrBox(line.rect),
        words: line.words.map((w) => ({ boundingBox: ocrBox(w.rect), text: w.text })),
      })),
    })),
  };
}

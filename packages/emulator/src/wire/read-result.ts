// Read operations -> Read 3.2 `ReadOperationResult` or v1.0 `TextOperationResult`.
import type { ReadPageResult } from '../analysis/types.js';
import { READ_RESULT_VERSION, READ_STATUS_V1, READ_STATUS_V3 } from '../constants.js';
import type { OperationSnapshot } from '../read/operation-store.js';
import { intQuad } from './geometry.js';

function pageJson(p: ReadPageResult): Record<string, unknown> {
  return {
    page: p.page,
    ...(p.language ? { language: p.language } : {}),
    angle: p.angle,
    width: p.width,
    height: p.height,
    unit: p.unit,
    lines: p.lines.map((l) => ({
      boundingBox: [...l.box],
      appearance: { style: { name: l.style, confidence: l.styleConfidence } },
      text: l.text,
      words: l.words.map((w) => ({
        boundingBox: [...w.box],
        text: w.text,
        confidence: w.confidence,
      })),
    })),
  };
}

export function readResultV3(op: OperationSnapshot): Record<string, unknown> {
  return {
    status: READ_STATUS_V3[op.status],
    createdDateTime: op.created.toISOString(),
    lastUpdatedDateTime: op.lastUpdated.toISOString(),
    ...(op.status === 'succeeded' && op.pages
      ? {
          analyzeResult: {
            version: READ_RESULT_VERSION,
            modelVersion: op.modelVersion,
            readResults: op.pages.map(pageJson),
          },
        }
      : {}),
  };
}

/** v1.0 has one page of lines with int[8] boxes. */
export function textOperationV1(op: OperationSnapshot): Record<string, unknown> {
  const lines = op.pages?.[0]?.lines ?? [];
  return {
    status: READ_STATUS_V1[op.status],
    ...(op.status === 'succeeded'
      ? {
          recognitionResult: {
            lines: lines.map((l) => ({
              boundingBox: intQuad(l.box),
              text: l.text,
              words: l.words.map((w) => ({ boundingBox: intQuad(w.box), text: w.text })),
            })),
          },
        }
      : {}),
  };
}

// Greedy non-maximum suppression with face-api's SSD semantics: candidates above the score floor
// in descending score order (ties in anchor order), each kept unless it overlaps a kept box by
// IoU > threshold. face-api's own version re-reads the whole box tensor for every IoU; this one
// reads the decoded arrays.

/** IoU of boxes i and j, each [y0, x0, y1, x1] with corners in either order. */
function iou(boxes: Float32Array, i: number, j: number): number {
  const yMinI = Math.min(boxes[i * 4]!, boxes[i * 4 + 2]!);
  const xMinI = Math.min(boxes[i * 4 + 1]!, boxes[i * 4 + 3]!);
  const yMaxI = Math.max(boxes[i * 4]!, boxes[i * 4 + 2]!);
  const xMaxI = Math.max(boxes[i * 4 + 1]!, boxes[i * 4 + 3]!);
  const yMinJ = Math.min(boxes[j * 4]!, boxes[j * 4 + 2]!);
  const xMinJ = Math.min(boxes[j * 4 + 1]!, boxes[j * 4 + 3]!);
  const yMaxJ = Math.max(boxes[j * 4]!, boxes[j * 4 + 2]!);
  const xMaxJ = Math.max(boxes[j * 4 + 1]!, boxes[j * 4 + 3]!);
  const areaI = (yMaxI - yMinI) * (xMaxI - xMinI);
  const areaJ = (yMaxJ - yMinJ) * (xMaxJ - xMinJ);
  if (areaI <= 0 || areaJ <= 0) return 0;
  const overlap =
    Math.max(Math.min(yMaxI, yMaxJ) - Math.max(yMinI, yMinJ), 0) *
    Math.max(Math.min(xMaxI, xMaxJ) - Math.max(xMinI, xMinJ), 0);
  return overlap / (areaI + areaJ - overlap);
}

/** Indices of the kept boxes, best first. */
export function nonMaxSuppression(
  boxes: Float32Array,
  scores: Float32Array,
  maxResults: number,
  iouThreshold: number,
  minScore: number,
): number[] {
  const candidates: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i]! > minScore) candidates.push(i);
  candidates.sort((a, b) => scores[b]! - scores[a]!); // stable: ties stay in anchor order
  const kept: number[] = [];
  const limit = Math.min(maxResults, scores.length);
  for (const c of candidates) {
    if (kept.length >= limit) break;
    if (kept.every((k) => iou(boxes, c, k) <= iouThreshold)) kept.push(c);
  }
  return kept;
}

// Turns the SSD's raw head outputs into boxes and face scores, as face-api's output layer does:
// centre/size offsets scaled by 10 and 5 against each prior box, sigmoid of the face logit.
import type { HeadOutput } from './forward-pass.js';

export interface DecodedBoxes {
  /** [ymin, xmin, ymax, xmax] per anchor, relative to the 512x512 input. */
  boxes: Float32Array;
  scores: Float32Array;
}

/** Box encodings (4) then class logits (3: background, face, unused) per anchor. */
const BOX_VALUES = 4;
const CLASS_VALUES = 3;
const FACE_CLASS = 1;

export function decodeBoxes(heads: HeadOutput[], anchors: Float32Array): DecodedBoxes {
  const count = anchors.length / 4;
  const boxes = new Float32Array(count * 4);
  const scores = new Float32Array(count);
  let k = 0;
  for (const { values: head, channels } of heads) {
    // Each cell of a head holds A anchors: A*4 box values, then A*3 class values.
    const perAnchor = channels / (BOX_VALUES + CLASS_VALUES);
    for (let cell = 0; cell < head.length; cell += channels) {
      for (let a = 0; a < perAnchor; a++, k++) {
        const enc = cell + a * BOX_VALUES;
        const logit = head[cell + perAnchor * BOX_VALUES + a * CLASS_VALUES + FACE_CLASS]!;
        scores[k] = 1 / (1 + Math.exp(-logit));
        const h = anchors[k * 4 + 2]! - anchors[k * 4]!;
        const w = anchors[k * 4 + 3]! - anchors[k * 4 + 1]!;
        const cy = anchors[k * 4]! + h / 2;
        const cx = anchors[k * 4 + 1]! + w / 2;
        const y = (head[enc]! / 10) * h + cy;
        const x = (head[enc + 1]! / 10) * w + cx;
        const halfH = (Math.exp(head[enc + 2]! / 5) * h) / 2;
        const halfW = (Math.exp(head[enc + 3]! / 5) * w) / 2;
        boxes[k * 4] = y - halfH;
        boxes[k * 4 + 1] = x - halfW;
        boxes[k * 4 + 2] = y + halfH;
        boxes[k * 4 + 3] = x + halfW;
      }
    }
  }
  if (k !== count) throw new Error(`SSD heads gave ${k} anchors, the model has ${count}`);
  return { boxes, scores };
}

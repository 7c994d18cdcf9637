// The SSD graph of forward-pass.ts as an ONNX model, built in memory from the same fused layers
// (batch norms folded, box and class heads merged). ONNX convs are NCHW with [out, in, h, w]
// filters: the weights are transposed here once, the NHWC input and the heads' outputs by
// Transpose nodes, so callers keep feeding and reading the same layouts as the tfjs pass.
import type * as Tf from '@tensorflow/tfjs';
import { encodeOnnxModel, type OnnxNode, type OnnxTensor } from '../onnx/model-proto.js';
import type { FusedConv, SsdLayers } from './fused-layers.js';
import { FIRST_HEAD_BLOCK } from './forward-pass.js';
import { SSD_INPUT_SIZE } from './input-image.js';

export const SSD_ONNX_INPUT = 'image_nhwc';
export const ssdOnnxOutput = (head: number): string => `head_${head}_nhwc`;

/** Opset 13: Clip takes its bounds as inputs (since 11); Conv and Transpose are unchanged since 11/13. */
const OPSET = 13;

/** tfjs [h, w, in, out] (or depthwise [h, w, channels, 1]) filter values as ONNX [out, in, h, w] (or [channels, 1, h, w]). */
function onnxFilter(
  filter: Tf.Tensor4D,
  depthwise: boolean,
): { dims: number[]; data: Float32Array } {
  const [h, w, inC, outC] = filter.shape;
  const src = filter.dataSync() as Float32Array;
  const [o, i] = depthwise ? [inC, 1] : [outC, inC];
  const data = new Float32Array(src.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < inC; c++) {
        for (let k = 0; k < outC; k++) {
          const [oi, ii] = depthwise ? [c, 0] : [k, c];
          data[((oi * i + ii) * h + y) * w + x] = src[((y * w + x) * inC + c) * outC + k]!;
        }
      }
    }
  }
  return { dims: [o, i, h, w], data };
}

/** TF 'SAME' padding as ONNX pads [top, left, bottom, right]: any odd pixel goes bottom/right. */
function samePads(
  size: number,
  kernel: number,
  stride: number,
): { pads: number[]; outSize: number } {
  const outSize = Math.ceil(size / stride);
  const total = Math.max((outSize - 1) * stride + kernel - size, 0);
  const before = Math.floor(total / 2);
  return { pads: [before, before, total - before, total - before], outSize };
}

/** ONNX model bytes computing runSsd's head outputs from a [1, 512, 512, 3] input. */
export function buildSsdOnnxModel(layers: SsdLayers): Uint8Array {
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [
    { name: 'relu6_min', dims: [], data: Float32Array.of(0) },
    { name: 'relu6_max', dims: [], data: Float32Array.of(6) },
  ];
  let count = 0;

  /** A conv (+ relu6 unless `linear`) on the value `x` of side `size`; returns its output and side. */
  const conv = (
    x: string,
    size: number,
    p: FusedConv,
    stride: number,
    kind: 'conv' | 'depthwise' | 'linear',
  ): [string, number] => {
    const n = count++;
    const filter = onnxFilter(p.filter, kind === 'depthwise');
    const kernel = filter.dims[2]!;
    const { pads, outSize } = samePads(size, kernel, stride);
    initializers.push(
      { name: `w${n}`, ...filter },
      { name: `b${n}`, dims: [p.bias.size], data: p.bias.dataSync() as Float32Array },
    );
    const out = `conv${n}`;
    nodes.push({
      opType: 'Conv',
      inputs: [x, `w${n}`, `b${n}`],
      outputs: [out],
      attributes: {
        kernel_shape: [kernel, kernel],
        strides: [stride, stride],
        pads,
        dilations: [1, 1],
        group: kind === 'depthwise' ? filter.dims[0]! : 1,
      },
    });
    if (kind === 'linear') return [out, outSize];
    nodes.push({
      opType: 'Clip',
      inputs: [out, 'relu6_min', 'relu6_max'],
      outputs: [`relu6_${n}`],
    });
    return [`relu6_${n}`, outSize];
  };

  nodes.push({
    opType: 'Transpose',
    inputs: [SSD_ONNX_INPUT],
    outputs: ['image_nchw'],
    attributes: { perm: [0, 3, 1, 2] },
  });
  let [x, size] = conv('image_nchw', SSD_INPUT_SIZE, layers.stem, 2, 'conv');
  const maps: [string, number][] = [];
  layers.blocks.forEach((b, i) => {
    [x, size] = conv(x, size, b.depthwise, b.stride, 'depthwise');
    [x, size] = conv(x, size, b.pointwise, 1, 'conv');
    if (i === FIRST_HEAD_BLOCK) maps.push([x, size]);
  });
  maps.push([x, size]);
  layers.extras.forEach((p, i) => {
    [x, size] = conv(x, size, p, i % 2 === 1 ? 2 : 1, 'conv');
    if (i % 2 === 1) maps.push([x, size]);
  });

  const outputs = maps.map(([m, side], i) => {
    const head = layers.heads[i]!;
    const [y] = conv(m, side, head, 1, 'linear');
    const name = ssdOnnxOutput(i);
    nodes.push({
      opType: 'Transpose',
      inputs: [y],
      outputs: [name],
      attributes: { perm: [0, 2, 3, 1] },
    });
    return { name, dims: [1, side, side, head.bias.size] };
  });

  return encodeOnnxModel({
    name: 'ssd_mobilenetv1_faces',
    opset: OPSET,
    nodes,
    initializers,
    inputs: [{ name: SSD_ONNX_INPUT, dims: [1, SSD_INPUT_SIZE, SSD_INPUT_SIZE, 3] }],
    outputs,
  });
}

// Runs a Keras MobileNet-style layers model (as nsfwjs ships it) as fused tfjs ops. The layers
// model executes each Conv -> BatchNormalization -> ReLU(6) as three kernels; on tfjs-wasm the 52
// batch-norm passes of nsfwjs' MobileNetV2 cost as much as all its convolutions. Here each batch
// norm is folded into its convolution's weights and the ReLU into the fused conv kernel: the same
// function with one kernel per block. Only the layer kinds such models use are supported; any
// other layer throws at compile time rather than being run wrongly.
import type * as tf from '@tensorflow/tfjs';
import { type BatchNormWeights, foldBatchNorm } from './batch-norm-folding.js';

type Layer = tf.LayersModel['layers'][number];
type Activation = 'linear' | 'relu' | 'relu6';
interface Step {
  name: string;
  inputs: string[];
  run: (xs: tf.Tensor[]) => tf.Tensor;
}

export interface FusedModel {
  /** Output of the model for a [1, h, w, c] input; the caller disposes it. */
  predict(x: tf.Tensor4D): tf.Tensor;
  dispose(): void;
}

const cfg = (l: Layer): Record<string, unknown> => l.getConfig() as Record<string, unknown>;
const className = (l: Layer): string => l.getClassName();
const soleConsumer = (l: Layer): Layer | undefined =>
  l.outboundNodes.length === 1 ? l.outboundNodes[0]!.outboundLayer : undefined;
const producers = (l: Layer): Layer[] => l.inboundNodes[0]?.inboundLayers ?? [];

function reluKind(l: Layer): Activation {
  const max = (l as unknown as { maxValue?: number }).maxValue;
  if (max === undefined || max === null) return 'relu';
  if (max === 6) return 'relu6';
  throw new Error(`ReLU with max ${max} is not supported`);
}

function batchNormOf(l: Layer): BatchNormWeights {
  const c = cfg(l);
  if (c.center !== true || c.scale !== true || (c.axis !== -1 && c.axis !== 3))
    throw new Error(`${l.name}: unsupported batch norm`);
  const [gamma, beta, mean, variance] = l.getWeights() as tf.Tensor1D[];
  return {
    gamma: gamma!,
    beta: beta!,
    mean: mean!,
    variance: variance!,
    epsilon: c.epsilon as number,
  };
}

/**
 * A ZeroPadding2D of [[0,1],[0,1]] before a 3x3 stride-2 'valid' convolution on an even-sized map
 * is exactly TensorFlow's 'same' padding (which puts the odd pixel bottom-right), so the pad can
 * be dropped.
 */
function padIsSame(pad: Layer, conv: Layer): boolean {
  const p = JSON.stringify(cfg(pad).padding);
  const c = cfg(conv);
  const [, h, w] = pad.inboundNodes[0]!.inputTensors[0]!.shape;
  return (
    p === '[[0,1],[0,1]]' &&
    c.padding === 'valid' &&
    JSON.stringify(c.strides) === '[2,2]' &&
    JSON.stringify(c.kernelSize) === '[3,3]' &&
    h! % 2 === 0 &&
    w! % 2 === 0
  );
}

export function fuseLayersModel(t: typeof tf, model: tf.LayersModel): FusedModel {
  const owned: tf.Tensor[] = [];
  const copy = <T extends tf.Tensor>(x: T): T => {
    const c = x.clone();
    owned.push(c);
    return c;
  };
  const alias = new Map<string, string>(); // absorbed layer -> the step that computes its output
  const source = (l: Layer): string => alias.get(l.name) ?? l.name;
  const steps: Step[] = [];
  let inputName = '';

  for (const layer of model.layers) {
    if (alias.has(layer.name)) continue;
    const kind = className(layer);
    const inputs = producers(layer).map(source);
    const c = cfg(layer);
    if (c.dataFormat !== undefined && c.dataFormat !== 'channelsLast')
      throw new Error(`${layer.name}: ${String(c.dataFormat)} not supported`);
    switch (kind) {
      case 'InputLayer':
        inputName = layer.name;
        break;
      case 'ZeroPadding2D': {
        const next = soleConsumer(layer);
        if (next && /Conv2D$/.test(className(next)) && padIsSame(layer, next)) {
          alias.set(layer.name, inputs[0]!);
          break;
        }
        const [[top, bottom], [left, right]] = c.padding as [[number, number], [number, number]];
        steps.push({
          name: layer.name,
          inputs,
          run: ([x]) =>
            t.pad(x!, [
              [0, 0],
              [top, bottom],
              [left, right],
              [0, 0],
            ]),
        });
        break;
      }
      case 'Conv2D':
      case 'DepthwiseConv2D': {
        const depthwise = kind === 'DepthwiseConv2D';
        if (c.activation !== 'linear')
          throw new Error(`${layer.name}: fused activation ${String(c.activation)} not supported`);
        if (JSON.stringify(c.dilationRate) !== '[1,1]' || (depthwise && c.depthMultiplier !== 1))
          throw new Error(`${layer.name}: unsupported conv`);
        const [kernel, bias] = layer.getWeights() as [tf.Tensor4D, tf.Tensor1D | undefined];
        const bn = soleConsumer(layer);
        const relu = bn && soleConsumer(bn);
        const foldsBn = bn !== undefined && className(bn) === 'BatchNormalization';
        const foldsRelu = foldsBn && relu !== undefined && className(relu) === 'ReLU';
        const activation: Activation = foldsRelu ? reluKind(relu) : 'linear';
        const { filter, bias: b } = foldsBn
          ? foldBatchNorm(t, kernel, bias, batchNormOf(bn), depthwise)
          : { filter: kernel.clone(), bias: bias?.clone() };
        owned.push(filter, ...(b ? [b] : [])); // the layers model's own weights are disposed with it
        // A pad dropped by padIsSame makes this convolution 'same'.
        const before = producers(layer)[0]!;
        const pad =
          className(before) === 'ZeroPadding2D' && alias.has(before.name)
            ? 'same'
            : (c.padding as 'same' | 'valid');
        const strides = c.strides as [number, number];
        const conv = depthwise ? t.fused.depthwiseConv2d : t.fused.conv2d;
        steps.push({
          name: layer.name,
          inputs,
          run: ([x]) => conv({ x: x as tf.Tensor4D, filter, strides, pad, bias: b, activation }),
        });
        if (foldsBn) alias.set(bn.name, layer.name);
        if (foldsRelu) alias.set(relu.name, layer.name);
        break;
      }
      case 'ReLU': {
        const a = reluKind(layer);
        steps.push({
          name: layer.name,
          inputs,
          run: ([x]) => (a === 'relu6' ? t.relu6(x!) : t.relu(x!)),
        });
        break;
      }
      case 'Add':
        steps.push({ name: layer.name, inputs, run: (xs) => t.addN(xs) });
        break;
      case 'AveragePooling2D': {
        const pool = c.poolSize as [number, number];
        steps.push({
          name: layer.name,
          inputs,
          run: ([x]) =>
            t.avgPool(
              x as tf.Tensor4D,
              pool,
              c.strides as [number, number],
              c.padding as 'valid' | 'same',
            ),
        });
        break;
      }
      case 'Flatten':
        steps.push({ name: layer.name, inputs, run: ([x]) => t.reshape(x!, [x!.shape[0]!, -1]) });
        break;
      case 'Dropout': // inference: identity
        alias.set(layer.name, inputs[0]!);
        break;
      case 'Dense': {
        const [kernel, bias] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D | undefined];
        const [w, b] = [copy(kernel), bias && copy(bias)];
        const act = c.activation as string;
        if (!['linear', 'relu', 'softmax'].includes(act))
          throw new Error(`${layer.name}: activation ${act} not supported`);
        steps.push({
          name: layer.name,
          inputs,
          run: ([x]) => {
            const y = t.fused.matMul({
              a: x as tf.Tensor2D,
              b: w,
              bias: b,
              activation: act === 'relu' ? 'relu' : 'linear',
            });
            return act === 'softmax' ? t.softmax(y) : y;
          },
        });
        break;
      }
      default:
        throw new Error(`${layer.name}: layer ${kind} not supported`);
    }
  }
  const output = source(model.layers[model.layers.length - 1]!);

  return {
    predict: (x) =>
      t.tidy(() => {
        const values = new Map<string, tf.Tensor>([[inputName, x]]);
        for (const s of steps) values.set(s.name, s.run(s.inputs.map((n) => values.get(n)!)));
        return values.get(output)!;
      }),
    dispose: () => t.dispose(owned),
  };
}

// A float32 inference graph encoded as an ONNX ModelProto (onnx.proto3 field numbers), so a model
// can be handed to onnxruntime as bytes built in memory instead of a file.
import {
  bytesField,
  concatBytes,
  type Field,
  float32Bytes,
  floatField,
  intField,
  packedIntsField,
  stringField,
} from './protobuf-writer.js';

/** ONNX IR version 8 (onnx 1.10+), read by every onnxruntime release since 1.10. */
const IR_VERSION = 8;
const FLOAT = 1; // TensorProto.DataType.FLOAT
const enum AttributeType {
  Float = 1,
  Int = 2,
  Ints = 7,
}

export type OnnxAttribute = number | readonly number[] | { float: number };

export interface OnnxNode {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  /** Integers and integer lists; float attributes as `{ float }`. */
  attributes?: Record<string, OnnxAttribute>;
}

export interface OnnxTensor {
  name: string;
  dims: readonly number[];
  data: Float32Array;
}
export interface OnnxValue {
  name: string;
  dims: readonly number[];
}

export interface OnnxGraph {
  name: string;
  /** Default-domain operator set the nodes are written against. */
  opset: number;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxTensor[];
  inputs: readonly OnnxValue[];
  outputs: readonly OnnxValue[];
}

function attribute(name: string, value: OnnxAttribute): Field {
  const [type, body]: [AttributeType, Field] =
    typeof value === 'number'
      ? [AttributeType.Int, intField(3, value)]
      : 'float' in value
        ? [AttributeType.Float, floatField(2, value.float)]
        : [AttributeType.Ints, packedIntsField(8, value)];
  return bytesField(5, [stringField(1, name), body, intField(20, type)]);
}

const node = (n: OnnxNode, index: number): Field =>
  bytesField(1, [
    ...n.inputs.map((i) => stringField(1, i)),
    ...n.outputs.map((o) => stringField(2, o)),
    stringField(3, `${n.opType}_${index}`),
    stringField(4, n.opType),
    ...Object.entries(n.attributes ?? {}).map(([k, v]) => attribute(k, v)),
  ]);

function tensor(t: OnnxTensor): Field[] {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (count !== t.data.length)
    throw new Error(
      `ONNX tensor ${t.name}: dims [${t.dims}] need ${count} values, got ${t.data.length}`,
    );
  return [
    packedIntsField(1, t.dims),
    intField(2, FLOAT),
    stringField(8, t.name),
    bytesField(9, float32Bytes(t.data)),
  ];
}

/** ValueInfoProto of a float tensor with a fixed shape. */
const valueInfo = (field: number, v: OnnxValue): Field =>
  bytesField(field, [
    stringField(1, v.name),
    bytesField(2, [
      bytesField(1, [
        intField(1, FLOAT),
        bytesField(
          2,
          v.dims.map((d) => bytesField(1, [intField(1, d)])),
        ),
      ]),
    ]),
  ]);

export function encodeOnnxModel(g: OnnxGraph): Uint8Array {
  const graph = [
    ...g.nodes.map(node),
    stringField(2, g.name),
    ...g.initializers.map((t) => bytesField(5, tensor(t))),
    ...g.inputs.map((v) => valueInfo(11, v)),
    ...g.outputs.map((v) => valueInfo(12, v)),
  ];
  const opsetImport = [stringField(1, ''), intField(2, g.opset)];
  return concatBytes([
    intField(1, IR_VERSION),
    stringField(2, 'visiongraph'),
    bytesField(7, graph),
    bytesField(8, opsetImport),
  ]);
}

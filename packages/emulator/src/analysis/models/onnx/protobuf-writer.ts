// The few protobuf wire-format pieces an ONNX model needs, written by hand: varints, strings,
// nested messages, packed floats. Each helper returns one encoded field; a message is the
// concatenation of its fields (protobuf allows any order).

const enum WireType {
  Varint = 0,
  LengthDelimited = 2,
  Fixed32 = 5,
}

/** One encoded field (or several: repeated fields are just concatenated). */
export type Field = Uint8Array;

function varint(value: number | bigint): number[] {
  // int64 fields encode negatives as their 64-bit two's complement (10 bytes).
  let v = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  while (v >= 0x80n) {
    bytes.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  bytes.push(Number(v));
  return bytes;
}

const tag = (field: number, wire: WireType): number[] => varint((field << 3) | wire);

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An integer field (int32, int64 or enum). */
export const intField = (field: number, value: number): Field =>
  Uint8Array.from([...tag(field, WireType.Varint), ...varint(value)]);

/** A float field. */
export function floatField(field: number, value: number): Field {
  const out = new Uint8Array([...tag(field, WireType.Fixed32), 0, 0, 0, 0]);
  new DataView(out.buffer).setFloat32(out.length - 4, value, true);
  return out;
}

/** A bytes field, or a nested message given as its encoded fields. */
export function bytesField(field: number, value: Uint8Array | readonly Field[]): Field {
  const body = value instanceof Uint8Array ? value : concatBytes(value);
  return concatBytes([
    Uint8Array.from([...tag(field, WireType.LengthDelimited), ...varint(body.length)]),
    body,
  ]);
}

export const stringField = (field: number, value: string): Field =>
  bytesField(field, new TextEncoder().encode(value));

/** A repeated integer field, packed (what proto3 parsers expect, and proto2 ones accept). */
export const packedIntsField = (field: number, values: readonly number[]): Field =>
  bytesField(field, Uint8Array.from(values.flatMap((v) => varint(v))));

/** Little-endian bytes of floats, e.g. for a tensor's raw_data. */
export function float32Bytes(values: Float32Array): Uint8Array {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
    throw new Error('big-endian hosts are not supported');
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

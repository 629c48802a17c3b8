/**
 * A minimal protobuf writer for the parts of ONNX's ModelProto that tiny test models need
 * (onnx/onnx.proto field numbers). Hand-written so the project generates its own test models with no
 * Python, no onnx package and nothing downloaded.
 */

const enc = new TextEncoder();

class Writer {
  private chunks: number[] = [];

  varint(v: number | bigint): this {
    let n = BigInt.asUintN(64, BigInt(v));
    do {
      let byte = Number(n & 0x7fn);
      n >>= 7n;
      if (n !== 0n) byte |= 0x80;
      this.chunks.push(byte);
    } while (n !== 0n);
    return this;
  }
  tag(field: number, wire: number): this {
    return this.varint((field << 3) | wire);
  }
  bytes(field: number, data: Uint8Array): this {
    this.tag(field, 2).varint(data.length);
    for (const b of data) this.chunks.push(b);
    return this;
  }
  string(field: number, s: string): this {
    return this.bytes(field, enc.encode(s));
  }
  int(field: number, v: number | bigint): this {
    return this.tag(field, 0).varint(v);
  }
  float(field: number, v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.tag(field, 5);
    for (const x of b) this.chunks.push(x);
    return this;
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

export const DataType = { FLOAT: 1, INT64: 7, BOOL: 9, FLOAT16: 10 } as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

export interface TensorSpec {
  name: string;
  dims: number[];
  dataType: DataTypeCode;
  floats?: ArrayLike<number>;
  int64s?: ArrayLike<number>;
}

export type AttrValue =
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'ints'; value: number[] }
  | { kind: 'floats'; value: number[] }
  | { kind: 'string'; value: string }
  | { kind: 'tensor'; value: TensorSpec };

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  attrs?: Record<string, AttrValue>;
}

/** A dimension is a fixed size or a symbolic name ('batch', 'height'...). */
export interface ValueInfoSpec {
  name: string;
  elemType: DataTypeCode;
  shape: (number | string)[];
}

export interface GraphSpec {
  name: string;
  nodes: NodeSpec[];
  initializers: TensorSpec[];
  inputs: ValueInfoSpec[];
  outputs: ValueInfoSpec[];
}

// TensorProto: dims=1, data_type=2, name=8, raw_data=9 (little-endian, as ONNX specifies).
export function encodeTensor(t: TensorSpec): Uint8Array {
  const w = new Writer();
  for (const d of t.dims) w.int(1, d);
  w.int(2, t.dataType);
  w.string(8, t.name);
  const count = t.dims.reduce((a, b) => a * b, 1);
  let raw: Uint8Array;
  if (t.dataType === DataType.FLOAT) {
    const f = new Float32Array(count);
    if (t.floats) f.set(Array.from(t.floats));
    raw = new Uint8Array(f.buffer);
  } else if (t.dataType === DataType.INT64) {
    const i = new BigInt64Array(count);
    const src = t.int64s ?? [];
    for (let k = 0; k < count; k++) i[k] = BigInt(src[k] ?? 0);
    raw = new Uint8Array(i.buffer);
  } else {
    raw = new Uint8Array(count);
  }
  w.bytes(9, raw);
  return w.finish();
}

// AttributeProto: name=1, f=2, i=3, s=4, t=5, floats=7, ints=8, type=20.
function encodeAttr(name: string, a: AttrValue): Uint8Array {
  const w = new Writer().string(1, name);
  switch (a.kind) {
    case 'float': w.float(2, a.value).int(20, 1); break;
    case 'int': w.int(3, a.value).int(20, 2); break;
    case 'string': w.string(4, a.value).int(20, 3); break;
    case 'tensor': w.bytes(5, encodeTensor(a.value)).int(20, 4); break;
    case 'floats': for (const v of a.value) w.float(7, v); w.int(20, 6); break;
    case 'ints': for (const v of a.value) w.int(8, v); w.int(20, 7); break;
  }
  return w.finish();
}

// NodeProto: input=1, output=2, name=3, op_type=4, attribute=5.
function encodeNode(n: NodeSpec, index: number): Uint8Array {
  const w = new Writer();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name ?? `${n.op}_${index}`);
  w.string(4, n.op);
  for (const [k, v] of Object.entries(n.attrs ?? {})) w.bytes(5, encodeAttr(k, v));
  return w.finish();
}

// ValueInfoProto{name=1, type=2} > TypeProto{tensor_type=1} > {elem_type=1, shape=2} > dim=1 > {dim_value=1 | dim_param=2}
function encodeValueInfo(v: ValueInfoSpec): Uint8Array {
  const shape = new Writer();
  for (const d of v.shape) {
    const dim = typeof d === 'number' ? new Writer().int(1, d) : new Writer().string(2, d);
    shape.bytes(1, dim.finish());
  }
  const tensorType = new Writer().int(1, v.elemType).bytes(2, shape.finish());
  const type = new Writer().bytes(1, tensorType.finish());
  return new Writer().string(1, v.name).bytes(2, type.finish()).finish();
}

// GraphProto: node=1, name=2, initializer=5, input=11, output=12.
function encodeGraph(g: GraphSpec): Uint8Array {
  const w = new Writer();
  g.nodes.forEach((n, i) => w.bytes(1, encodeNode(n, i)));
  w.string(2, g.name);
  for (const t of g.initializers) w.bytes(5, encodeTensor(t));
  for (const i of g.inputs) w.bytes(11, encodeValueInfo(i));
  for (const o of g.outputs) w.bytes(12, encodeValueInfo(o));
  return w.finish();
}

/** ModelProto: ir_version=1, producer_name=2, graph=7, opset_import=8 ({domain=1, version=2}). */
export function encodeModel(g: GraphSpec, opset = 17, irVersion = 8): Uint8Array {
  const opsetId = new Writer().string(1, '').int(2, opset).finish();
  return new Writer()
    .int(1, irVersion)
    .string(2, 'spatiallens-tiny')
    .bytes(7, encodeGraph(g))
    .bytes(8, opsetId)
    .finish();
}

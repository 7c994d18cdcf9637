// Tiny files that claim huge work, built byte by byte so the repo ships no bomb files: the inputs
// of the emulator's limit tests and decode-bomb bench, and of the abuse suite's upload attacks.
// Each declares far more pixels or pages than it holds (or holds them deflated to a few KB).
import { deflateSync } from 'node:zlib';

/** An 8-bit RLE BMP of `w` x `h` whose pixel data is a single end-of-bitmap marker. */
export function rleBmp(w: number, h: number): Buffer {
  const palette = 256 * 4;
  const data = Buffer.from([0x00, 0x01]); // RLE8 end of bitmap
  const offset = 14 + 40 + palette;
  const b = Buffer.alloc(offset + data.length);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(offset, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(w, 18);
  b.writeInt32LE(h, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(8, 28);
  b.writeUInt32LE(1, 30); // BI_RLE8
  b.writeUInt32LE(data.length, 34);
  data.copy(b, offset);
  return b;
}

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k += 1) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function pngChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/**
 * A greyscale PNG of `w` x `h` black pixels whose IDAT holds the first `rows` rows (the rest
 * missing). `{ rows: h, bitDepth: 1 }` is a complete, valid image: 16000 x 16000 in ~32 KB.
 */
export function hugePng(w: number, h: number, { rows = 1, bitDepth = 8 } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = 0; // greyscale
  const rowBytes = 1 + Math.ceil((w * bitDepth) / 8); // a filter byte, then the pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(rowBytes * rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A little-endian greyscale TIFF of `w` x `h`, one strip of `stripBytes` zero bytes. */
export function hugeTiff(w: number, h: number, stripBytes = 16): Buffer {
  // StripByteCounts says w * h (a lie: the data is short).
  return oneStripTiff(
    w,
    h,
    { bitsPerSample: 8, compression: 1, declared: w * h },
    Buffer.alloc(stripBytes),
  );
}

/** A complete, valid 1-bit TIFF of `w` x `h` black pixels, Deflate-compressed: 16000² in ~32 KB. */
export function deflatedTiff(w: number, h: number): Buffer {
  const strip = deflateSync(Buffer.alloc(Math.ceil(w / 8) * h));
  return oneStripTiff(w, h, { bitsPerSample: 1, compression: 8, declared: strip.length }, strip);
}

function oneStripTiff(
  w: number,
  h: number,
  {
    bitsPerSample,
    compression,
    declared,
  }: { bitsPerSample: number; compression: number; declared: number },
  strip: Buffer,
): Buffer {
  const entries: IfdEntry[] = [
    [256, 4, w], // ImageWidth (LONG)
    [257, 4, h], // ImageLength
    [258, 3, bitsPerSample], // BitsPerSample (SHORT)
    [259, 3, compression], // Compression: 1 none, 8 Deflate
    [262, 3, 1], // BlackIsZero
    [273, 4, 0], // StripOffsets (patched)
    [277, 3, 1], // SamplesPerPixel
    [278, 4, h], // RowsPerStrip: one strip
    [279, 4, declared], // StripByteCounts
  ];
  const ifdAt = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const dataAt = ifdAt + ifdSize;
  const b = Buffer.alloc(dataAt + strip.length);
  strip.copy(b, dataAt);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(ifdAt, 4);
  writeIfd(
    b,
    ifdAt,
    entries.map(([tag, type, value]) => [tag, type, tag === 273 ? dataAt : value]),
    0,
  );
  return b;
}

type IfdEntry = [tag: number, type: number, value: number];

/** One TIFF directory at `at`: its entries (SHORT type 3 or LONG type 4, one value each), then `next`. */
function writeIfd(b: Buffer, at: number, entries: readonly IfdEntry[], next: number): void {
  b.writeUInt16LE(entries.length, at);
  entries.forEach(([tag, type, value], i) => {
    const e = at + 2 + i * 12;
    b.writeUInt16LE(tag, e);
    b.writeUInt16LE(type, e + 2);
    b.writeUInt32LE(1, e + 4);
    if (type === 3) b.writeUInt16LE(value, e + 8);
    else b.writeUInt32LE(value, e + 8);
  });
  b.writeUInt32LE(next, at + 2 + entries.length * 12);
}

/** A PDF from numbered object bodies (1 = catalog), with a correct xref table. */
function pdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const part = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body),
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(part);
    at += part.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`,
  ].join('');
  return Buffer.concat([...parts, Buffer.from(xref)]);
}

/** One US Letter page covered by a `side` x `side` black greyscale image (deflated zeros). */
export function pdfImageBomb(side: number): Buffer {
  const pixels = deflateSync(Buffer.alloc(side * side), { level: 1 });
  const content = '612 0 0 792 0 0 cm /Im0 Do';
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`,
      ),
      pixels,
      Buffer.from('\nendstream'),
    ]),
  ]);
}

/** `count` US Letter pages that all share one small content stream. */
export function pdfManyPages(count: number): Buffer {
  const kids = Array.from({ length: count }, (_, i) => `${i + 5} 0 R`).join(' ');
  const content = 'BT /F1 24 Tf 72 700 Td (Page) Tj ET';
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...Array.from(
      { length: count },
      () =>
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>',
    ),
  ]);
}

/** A TIFF of `count` 64 x 64 greyscale pages (every IFD points at the same strip). */
export function tiffPages(count: number): Buffer {
  const side = 64;
  const entries = 8;
  const ifdSize = 2 + entries * 12 + 4;
  const stripAt = 8;
  const firstIfd = stripAt + side * side;
  const b = Buffer.alloc(firstIfd + count * ifdSize);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(firstIfd, 4);
  for (let p = 0; p < count; p += 1) {
    const at = firstIfd + p * ifdSize;
    const tags: IfdEntry[] = [
      [256, 3, side],
      [257, 3, side],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, stripAt],
      [278, 3, side],
      [279, 4, side * side],
    ];
    writeIfd(b, at, tags, p + 1 < count ? at + ifdSize : 0);
  }
  return b;
}

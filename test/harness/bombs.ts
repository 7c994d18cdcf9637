// Small files that are huge once decoded: images of 16000x16000 pixels (Azure refuses 16,000 px
// a side) in 1 to 32 KB (a decoder that does not check the declared size first allocates 256 M
// pixels), and a PDF of thousands of pages that all share one content stream. Built byte by byte here, so the suite ships no bomb files.
import { deflateSync } from 'node:zlib';

export const BOMB_SIDE = 16_000;

/**
 * An RLE8 BMP declaring side x side pixels: a 256-colour palette and one "end of bitmap" code,
 * 1 KB in all. A decoder that allocates the declared canvas first needs 4 bytes a pixel.
 */
export function bmpBomb(side = BOMB_SIDE): Buffer {
  const palette = Buffer.alloc(256 * 4);
  const data = Buffer.from([0x00, 0x01]); // RLE8: end of bitmap
  const header = Buffer.alloc(54);
  const offset = header.length + palette.length;
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(offset + data.length, 2); // file size (honest)
  header.writeUInt32LE(offset, 10); // pixel data offset
  header.writeUInt32LE(40, 14); // BITMAPINFOHEADER
  header.writeInt32LE(side, 18);
  header.writeInt32LE(side, 22);
  header.writeUInt16LE(1, 26); // planes
  header.writeUInt16LE(8, 28); // bits per pixel
  header.writeUInt32LE(1, 30); // BI_RLE8
  header.writeUInt32LE(data.length, 34);
  header.writeUInt32LE(256, 46); // colours used
  return Buffer.concat([header, palette, data]);
}

/** One bit a pixel, all zero: 32 MB of rows for 16000x16000 that deflate to ~32 KB. */
let zeroRows: { side: number; rows: Buffer; withFilterBytes: Buffer } | undefined;
function deflatedZeroRows(side: number) {
  if (zeroRows?.side !== side) {
    const rowBytes = Math.ceil(side / 8);
    zeroRows = {
      side,
      rows: deflateSync(Buffer.alloc(rowBytes * side)),
      withFilterBytes: deflateSync(Buffer.alloc((rowBytes + 1) * side)),
    };
  }
  return zeroRows;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 1-bit greyscale PNG of side x side black pixels, ~32 KB for 16000x16000. */
export function pngBomb(side = BOMB_SIDE): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.writeUInt8(1, 8); // bit depth
  ihdr.writeUInt8(0, 9); // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflatedZeroRows(side).withFilterBytes),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A valid 1-bit, Deflate-compressed TIFF of side x side black pixels in one strip, ~32 KB. */
export function tiffBomb(side = BOMB_SIDE): Buffer {
  const strip = deflatedZeroRows(side).rows;
  const entries: Array<[tag: number, type: number, value: number]> = [
    [256, 4, side], // ImageWidth (LONG)
    [257, 4, side], // ImageLength
    [258, 3, 1], // BitsPerSample (SHORT)
    [259, 3, 8], // Compression: Deflate
    [262, 3, 1], // Photometric: black is zero
    [273, 4, 0], // StripOffsets, the data after the IFD
    [277, 3, 1], // SamplesPerPixel
    [278, 4, side], // RowsPerStrip: one strip
    [279, 4, strip.length], // StripByteCounts
  ];
  const ifdOffset = 8;
  const dataOffset = ifdOffset + 2 + entries.length * 12 + 4;
  const head = Buffer.alloc(dataOffset);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(ifdOffset, 4);
  head.writeUInt16LE(entries.length, ifdOffset);
  entries.forEach(([tag, type, value], i) => {
    const at = ifdOffset + 2 + i * 12;
    head.writeUInt16LE(tag, at);
    head.writeUInt16LE(type, at + 2);
    head.writeUInt32LE(1, at + 4);
    if (type === 3) head.writeUInt16LE(value, at + 8);
    else head.writeUInt32LE(tag === 273 ? dataOffset : value, at + 8);
  });
  return Buffer.concat([head, strip]); // the next-IFD offset (0) is already in `head`
}

/** A PDF of `pages` letter-size pages that all draw the same content stream (a few boxes). */
export function pdfPageBomb(pages = 3_000): Buffer {
  const content = '0.2 g 72 72 200 100 re f 0.6 g 300 400 150 150 re f';
  const objects: string[] = [
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`, // 1: shared content
    '', // 2: the page tree, filled below
    '<< /Type /Catalog /Pages 2 0 R >>', // 3
  ];
  const kids: string[] = [];
  for (let i = 0; i < pages; i += 1) {
    objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 1 0 R >>');
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Count ${pages} /Kids [${kids.join(' ')}] >>`;
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

let table: Uint32Array | undefined;
function crc32(bytes: Buffer): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// bmp-js 0.1.0 ships no types; only the decoder is used.
declare module 'bmp-js' {
  interface BmpImage {
    data: Buffer;
    width: number;
    height: number;
  }
  const bmp: { decode(buffer: Buffer, withAlpha?: boolean): BmpImage };
  export default bmp;
}

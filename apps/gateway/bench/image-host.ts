import { serveTestImages } from '../../../testdata/serve-images.js';

/** A loopback static server for the test images, so the emulator can fetch them by URL. */
export async function startImageHost(): Promise<{
  url(file: string): string;
  close(): Promise<void>;
}> {
  const images = await serveTestImages();
  return { url: images.urlOf, close: images.close };
}

// A deterministic backend without models, for tests of HTTP, parameters, batching and wiring:
// it starts in milliseconds and its answers follow from the image by fixed rules, so a test can
// expect exact values. Images are decoded and checked like the real backend does; colour, image
// type, thumbnails and the area of interest are the real pixel analyses (no model involved).
// What would need a model follows these rules instead (w x h: the image's size):
//   tags          `landscape` | `portrait` | `square`, then the format in lower case; confidence 1
//   description   those tags, and one caption "a <w>x<h> <format> image" (confidence 1)
//   categories    `others_`, score 1
//   faces         one: the centre quarter (x = floor(w/4), y = floor(h/4), floor(w/2) x floor(h/2)),
//                 age 30, Female, confidence 1
//   objects       one `rectangle` covering the whole image, confidence 1
//   people        one: the centre quarter, confidence 1 (4.0)
//   denseCaptions one: the description caption over the whole image (4.0)
//   smartCrops    the real saliency crop per ratio, as the real backend without faces (4.0)
//   adult         nothing flagged, every score 0
//   brands, celebrities, landmarks: none
//   ocr           no regions (language as asked, `en` for unk); read: each page, no lines
import type { AnalyzeResult, LoadedImage, Rect, VisionBackend } from './analysis/types.js';
import { NOTHING_FLAGGED } from './analysis/fixed-answers.js';

// Imported on first use, like the real backend: the package's entry stays light (no sharp).
const pixels = () => import('./stub-pixels.js');

const orientation = (img: LoadedImage): string =>
  img.width > img.height ? 'landscape' : img.width < img.height ? 'portrait' : 'square';

const tagNames = (img: LoadedImage): string[] => [orientation(img), img.format.toLowerCase()];

const centreQuarter = (img: LoadedImage): Rect => ({
  x: Math.floor(img.width / 4),
  y: Math.floor(img.height / 4),
  w: Math.floor(img.width / 2),
  h: Math.floor(img.height / 2),
});

/** See the rules above. `close()` does nothing; nothing runs in the background. */
export function createStubBackend(): VisionBackend {
  return {
    load: async (bytes, limits) => (await pixels()).loadImage(bytes, limits),
    async analyze(img, req) {
      const out: AnalyzeResult = {};
      if (req.tags) out.tags = tagNames(img).map((name) => ({ name, confidence: 1 }));
      if (req.description)
        out.description = {
          tags: tagNames(img),
          captions: [
            {
              text: `a ${img.width}x${img.height} ${img.format.toLowerCase()} image`,
              confidence: 1,
            },
          ],
        };
      if (req.denseCaptions)
        out.denseCaptions = [
          {
            text: `a ${img.width}x${img.height} ${img.format.toLowerCase()} image`,
            confidence: 1,
            rect: { x: 0, y: 0, w: img.width, h: img.height },
          },
        ];
      if (req.people) out.people = [{ rect: centreQuarter(img), confidence: 1 }];
      if (req.categories) out.categories = [{ name: 'others_', score: 1 }];
      if (req.faces)
        out.faces = [{ rect: centreQuarter(img), age: 30, gender: 'Female', confidence: 1 }];
      if (req.objects)
        out.objects = [
          { rect: { x: 0, y: 0, w: img.width, h: img.height }, name: 'rectangle', confidence: 1 },
        ];
      if (req.adult) out.adult = { ...NOTHING_FLAGGED };
      if (req.color) out.color = await (await pixels()).analyzeColor(img);
      if (req.imageType) out.imageType = await (await pixels()).classifyImageType(img);
      if (req.brands) out.brands = [];
      if (req.celebrities) out.celebrities = [];
      if (req.landmarks) out.landmarks = [];
      return out;
    },
    thumbnail: async (img, width, height, smart) =>
      (await pixels()).smartThumbnail(img, width, height, smart, []),
    areaOfInterest: async (img) => (await pixels()).areaOfInterest(img, []),
    smartCrops: async (img, ratios) => (await pixels()).smartCrops(img, ratios, []),
    ocr: async (_img, params) => ({
      language: params.language === 'unk' ? 'en' : params.language,
      textAngle: 0,
      orientation: params.detectOrientation ? 'Up' : 'NotDetected',
      regions: [],
    }),
    read: async (img, params) =>
      (params.pages ?? Array.from({ length: img.pages }, (_, i) => i + 1)).map((page) => ({
        page,
        angle: 0,
        // PDF pages are measured in inches, like Azure's (decoded at 72 dpi).
        width: img.format === 'Pdf' ? img.width / 72 : img.width,
        height: img.format === 'Pdf' ? img.height / 72 : img.height,
        unit: img.format === 'Pdf' ? 'inch' : 'pixel',
        lines: [],
      })),
    close: async () => undefined,
  };
}

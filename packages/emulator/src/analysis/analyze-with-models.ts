// One analyze request: starts every needed detection once, in parallel, then derives the
// describing features (tags, description, categories) from what was detected.
import { analyzeColor } from './color/analyze-color.js';
import { classifyImageType } from './color/classify-image-type.js';
import { mergeBrands, sceneTextLogos } from './brands/detect-brands.js';
import type { ModelClient } from './pool/model-client.js';
import { describe } from './semantics/describe.js';
import { peopleBoxes } from './semantics/people-boxes.js';
import { measureCues } from './semantics/measure-cues.js';
import type { AnalyzeRequest, AnalyzeResult, LoadedImage } from './types.js';

const when = <T>(cond: boolean | undefined, run: () => Promise<T>): Promise<T | undefined> =>
  cond ? run() : Promise.resolve(undefined);

export async function analyzeWithModels(
  models: ModelClient,
  img: LoadedImage,
  req: AnalyzeRequest,
  signal?: AbortSignal,
): Promise<AnalyzeResult> {
  signal?.throwIfAborted();
  const describing = !!(req.tags || req.description || req.categories || req.denseCaptions);
  // Describing uses every detector whose answers a caption can mention, asked or not, so that
  // describe and analyze give the same caption for the same pixels.
  const [people, objects, landmarks, logos, textLogos, adult, color, imageType, cues] =
    await Promise.all([
      when(req.faces || req.celebrities || describing, () =>
        models.faces(img, !!req.celebrities || describing, signal),
      ),
      when(req.objects || req.people || describing, () => models.objects(img, signal)),
      when(req.landmarks || describing, () => models.landmarks(img, signal)),
      when(req.brands || describing, () => models.logos(img, signal)),
      when(req.brands, () => sceneTextLogos(img, signal)),
      when(req.adult, () => models.adult(img, signal)),
      when(req.color || describing, () => analyzeColor(img)),
      when(req.imageType || describing, () => classifyImageType(img)),
      when(describing, () => measureCues(img)),
    ]);
  signal?.throwIfAborted();
  const out: AnalyzeResult = {};
  if (req.faces) out.faces = people!.faces.map(({ genderConfidence: _, ...f }) => f);
  if (req.objects) out.objects = objects!.objects;
  if (req.people) out.people = peopleBoxes(objects!.objects);
  if (req.celebrities) out.celebrities = people!.celebrities;
  if (req.landmarks)
    out.landmarks = landmarks!.map(({ name, confidence }) => ({ name, confidence }));
  if (req.adult) out.adult = adult!;
  if (req.color) out.color = color!;
  if (req.imageType) out.imageType = imageType!;
  if (req.brands) out.brands = mergeBrands(logos!, textLogos!);
  if (describing) {
    Object.assign(
      out,
      describe(
        {
          width: img.width,
          height: img.height,
          faces: people!.faces,
          objects: objects!.objects,
          weak: objects!.weak,
          color: color!,
          imageType: imageType!,
          cues: cues!.cues,
          text: cues!.text,
          celebrities: people!.celebrities,
          landmarks: landmarks!,
          logos: logos!,
        },
        req,
      ),
    );
  }
  return out;
}

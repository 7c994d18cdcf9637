// Tags, description, dense captions and categories of one image, from shared evidence.
import type { AnalyzeRequest, AnalyzeResult } from '../types.js';
import { buildCaptions } from './build-captions.js';
import { buildCategories } from './build-categories.js';
import { buildDenseCaptions } from './dense-captions.js';
import { buildTags } from './build-tags.js';
import type { Evidence } from './evidence.js';

export function describe(
  e: Evidence,
  req: AnalyzeRequest,
): Pick<AnalyzeResult, 'tags' | 'description' | 'categories' | 'denseCaptions'> {
  const out: Pick<AnalyzeResult, 'tags' | 'description' | 'categories' | 'denseCaptions'> = {};
  if (req.denseCaptions) out.denseCaptions = buildDenseCaptions(e);
  const tags = req.tags || req.description ? buildTags(e) : [];
  if (req.tags) out.tags = tags;
  if (req.description)
    out.description = {
      tags: tags.map((t) => t.name),
      captions: buildCaptions(e, req.description.maxCandidates),
    };
  if (req.categories) {
    out.categories = buildCategories(e, {
      ...(req.celebrities ? { celebrities: e.celebrities } : {}),
      ...(req.landmarks
        ? { landmarks: e.landmarks.map(({ name, confidence }) => ({ name, confidence })) }
        : {}),
    });
  }
  return out;
}

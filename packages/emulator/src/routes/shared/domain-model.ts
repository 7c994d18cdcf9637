// /models/{model}/analyze: the model name and the backend request it makes.
import type { AnalyzeResult } from '../../analysis/types.js';
import { DOMAIN_MODELS } from '../../constants.js';
import { AzureErrors } from '../../errors/azure-error-factory.js';
import { celebrityJson, landmarkJson } from '../../wire/analysis.js';

export type DomainModel = (typeof DOMAIN_MODELS)[number]['name'];

export function parseDomainModel(raw: string): DomainModel {
  const found = DOMAIN_MODELS.find((m) => m.name === raw.toLowerCase());
  if (!found) throw AzureErrors.model(raw);
  return found.name;
}

export function domainResultJson(model: DomainModel, r: AnalyzeResult): Record<string, unknown> {
  return model === 'celebrities'
    ? { celebrities: (r.celebrities ?? []).map(celebrityJson) }
    : { landmarks: (r.landmarks ?? []).map(landmarkJson) };
}

export const listModelsJson = () => ({
  models: DOMAIN_MODELS.map((m) => ({ name: m.name, categories: [...m.categories] })),
});

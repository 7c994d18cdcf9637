// GET /vision/v3.2/models
import type { Route } from '../route.js';
import { listModelsJson } from '../shared/domain-model.js';

export const modelsV3: Route = {
  method: 'GET',
  version: 'v3.2',
  path: '/models',
  operation: 'listModels',
  errorFormat: 'v3',
  handle: async () => ({ kind: 'json', body: listModelsJson() }),
};

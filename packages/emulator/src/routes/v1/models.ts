// GET /vision/v1.0/models
import type { Route } from '../route.js';
import { listModelsJson } from '../shared/domain-model.js';

export const modelsV1: Route = {
  method: 'GET',
  version: 'v1.0',
  path: '/models',
  operation: 'listModels',
  errorFormat: 'v1',
  handle: async () => ({ kind: 'json', body: listModelsJson() }),
};

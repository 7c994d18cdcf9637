import { AzureErrors } from '../../errors/azure-error-factory.js';
import type { Query } from '../../http/query.js';
import { THUMBNAIL_MIN } from '../../constants.js';
import { parseBoolean, parseInteger } from './params.js';

export interface ThumbnailParams {
  width: number;
  height: number;
  smartCropping: boolean;
}

/** width and height are required integers in [1, max]; smartCropping defaults to false. */
export function parseThumbnailParams(query: Query, max: number): ThumbnailParams {
  const width = parseInteger(query.get('width'), THUMBNAIL_MIN, max);
  const height = parseInteger(query.get('height'), THUMBNAIL_MIN, max);
  if (typeof width !== 'number' || typeof height !== 'number') throw AzureErrors.thumbnailSize(max);
  return {
    width,
    height,
    smartCropping: parseBoolean(query.get('smartCropping'), 'smartCropping', false),
  };
}

import { builder } from './builder.js';
// Each module registers its types on the builder; import order does not matter.
import './types/scalars.js';
import './types/geometry-types.js';
import './types/analysis-types.js';
import './types/text-types.js';
import './types/misc-types.js';
import './types/image-type.js';
import './types/image-analysis-fields.js';
import './types/image-analysis-40-types.js';
import './types/image-analysis-40-fields.js';
import './types/image-media-fields.js';
import './types/image-text-fields.js';
import './types/query-type.js';

/** The executable schema: mount it in any GraphQL server with `createContext` per request. */
export const schema = builder.toSchema({ sortSchema: true });

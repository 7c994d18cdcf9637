import { fileURLToPath } from 'node:url';

// This file sits directly in src/ (and dist/ after the build), so the repository root is
// three levels up in both layouts: apps/gateway/{src,dist}/paths.{ts,js}.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Absolute path of the monorepo root this gateway was built in. */
export const REPO_ROOT = repoRoot;

/** The playground's production build (`pnpm --filter @visiongraph/playground build`). */
export const DEFAULT_PLAYGROUND_DIR = fileURLToPath(
  new URL('../../playground/dist/', import.meta.url),
);

/** The repository's test images, served at `/examples/<file>`. */
export const DEFAULT_EXAMPLES_DIR = fileURLToPath(
  new URL('../../../testdata/images/', import.meta.url),
);

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The playground and the example images are packages of their own, found by Node's package
// resolution from here, never by paths into sibling folders: in the workspace the root package
// links @visiongraph/playground and this package links @visiongraph/testdata (dev dependencies:
// the playground's tests depend on the gateway, so the gateway cannot depend on it). A production
// install of the gateway alone has neither; set GATEWAY_PLAYGROUND_DIR / GATEWAY_EXAMPLES_DIR.
const require = createRequire(import.meta.url);

/** A folder of an installed package (with a trailing slash), or undefined when it is not installed. */
export function packageFolder(name: string, folder: string): string | undefined {
  try {
    return join(dirname(require.resolve(`${name}/package.json`)), folder) + '/';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/** The playground's production build (`pnpm --filter @visiongraph/playground build`). */
export const DEFAULT_PLAYGROUND_DIR = packageFolder('@visiongraph/playground', 'dist');

/** The repository's test images, served at `/examples/<file>`. */
export const DEFAULT_EXAMPLES_DIR = packageFolder('@visiongraph/testdata', 'images');

import type { Plugin } from 'graphql-yoga';
import { healthResponse, readinessResponse, type Readiness } from '../http/readiness.js';
import { serveExamples } from '../http/serve-examples.js';
import { servePlayground } from '../http/serve-playground.js';

export interface RoutesOptions {
  graphqlEndpoint: string;
  /** Undefined when the playground package is not installed and no folder was set. */
  playgroundDir: string | undefined;
  /** Undefined when @visiongraph/testdata is not installed and no folder was set. */
  examplesDir: string | undefined;
  checkReadiness: () => Promise<Readiness>;
}

/**
 * Everything that is not GraphQL: `/healthz`, `/readyz`, `/examples[/<file>]`, and the
 * playground for any other GET. Answers before yoga parses anything.
 */
export function useRoutes(options: RoutesOptions): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const { pathname } = url;
      if (pathname === options.graphqlEndpoint) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (pathname === '/healthz') return endResponse(healthResponse());
      if (pathname === '/readyz')
        return endResponse(await readinessResponse(options.checkReadiness));
      const example = await serveExamples(request, pathname, options.examplesDir);
      if (example) return endResponse(example);
      return endResponse(await servePlayground(request, pathname, options.playgroundDir));
    },
  };
}

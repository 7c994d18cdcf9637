// Matches method + path against the route table, case-insensitively, capturing `{param}` segments.
import type { Route } from '../routes/route.js';

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

interface Compiled {
  route: Route;
  segments: string[];
}

const VERSION_PREFIX = {
  'v3.2': '/vision/v3.2',
  'v1.0': '/vision/v1.0',
  'v4.0': '/computervision',
} as const;

export function createRouter(
  routes: Route[],
): (method: string, pathname: string) => RouteMatch | undefined {
  const compiled: Compiled[] = routes.map((route) => ({
    route,
    segments: split(VERSION_PREFIX[route.version] + route.path),
  }));
  return (method, pathname) => {
    let decoded: string;
    try {
      // decodeURI keeps reserved escapes; 4.0's `imageanalysis:analyze` may arrive as `%3A`.
      decoded = decodeURI(pathname).replace(/%3a/gi, ':');
    } catch {
      return undefined;
    }
    const segments = split(decoded);
    for (const { route, segments: pattern } of compiled) {
      if (route.method !== method || pattern.length !== segments.length) continue;
      const params = matchSegments(pattern, segments);
      if (params) return { route, params };
    }
    return undefined;
  };
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const p = pattern[i] as string;
    const s = segments[i] as string;
    if (p.startsWith('{')) params[p.slice(1, -1)] = s;
    else if (p.toLowerCase() !== s.toLowerCase()) return undefined;
  }
  return params;
}

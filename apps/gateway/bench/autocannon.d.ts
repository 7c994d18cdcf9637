// autocannon ships no types; the part of its API the load bench uses.
declare module 'autocannon' {
  interface Client {
    on(event: 'response', listener: (status: number, bytes: number, ms: number) => void): void;
  }
  interface Options {
    url: string;
    connections: number;
    duration: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    setupClient?: (client: Client) => void;
  }
  interface Result {
    requests: { average: number; total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  }
  export default function autocannon(options: Options): Promise<Result>;
}

import { Agent, request } from 'node:http';

// Keep-alive, like any real client of the gateway; fetch would add its own overhead to the figures.
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

/** POSTs a GraphQL query and resolves with the parsed JSON body. */
export function postGraphql(
  url: string,
  query: string,
): Promise<{ data?: unknown; errors?: unknown[] }> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(text) as { data?: unknown; errors?: unknown[] });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('error', reject).end(body);
  });
}

export function closeHttpClient(): void {
  agent.destroy();
}

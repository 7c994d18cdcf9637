// Child process of the load bench: the floor. A bare graphql-yoga server whose one resolver makes
// the same single upstream call with undici (GET /vision/v3.2/models), nothing else: what any
// yoga gateway in front of this upstream pays.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { Agent, request } from 'undici';
import { serveUntilDisconnect } from './child-process.js';

const endpoint = process.env['VISION_ENDPOINT']!;
const key = process.env['BENCH_KEY'] ?? 'bench-key';
const agent = new Agent({ connections: 64 });
const yoga = createYoga({
  logging: false,
  schema: createSchema({
    typeDefs: 'type Model { name: String! } type Query { models: [Model!]! }',
    resolvers: {
      Query: {
        models: async () => {
          const response = await request(`${endpoint}/vision/v3.2/models`, {
            dispatcher: agent,
            headers: { 'ocp-apim-subscription-key': key },
          });
          const body = (await response.body.json()) as { models?: Array<{ name: string }> };
          return body.models ?? [];
        },
      },
    },
  }),
});
const server = createServer(yoga.requestListener);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
serveUntilDisconnect({ url: `http://127.0.0.1:${port}` }, async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await agent.close();
});

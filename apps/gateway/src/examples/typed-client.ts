// A small program that asks a running gateway about one image with a typed query.
//   node apps/gateway/dist/examples/typed-client.js [gatewayUrl] [imageUrl]
// Defaults: http://127.0.0.1:4000 and that gateway's /examples/csdf-dog.jpg.
import { graphql } from '../gql/index.js';
import { typedRequest } from './typed-request.js';

export const DescribeImage = graphql(`
  query DescribeImage($url: URL!) {
    image(url: $url) {
      width
      height
      caption { text confidence }
      tags(minConfidence: 0.5) { name confidence }
      faces { age gender rectangle { x y width height } }
    }
  }
`);

const gatewayUrl = process.argv[2] ?? 'http://127.0.0.1:4000';
const imageUrl = process.argv[3] ?? new URL('/examples/csdf-dog.jpg', gatewayUrl).href;

const { data, errors } = await typedRequest(new URL('/graphql', gatewayUrl).href, DescribeImage, {
  url: imageUrl,
});
// `data.image.caption.text` is typed `string`; `tags` is `Array<{ name: string; confidence: number }> | null`.
const image = data?.image;
if (image) {
  console.log(`${imageUrl} (${image.width ?? '?'}x${image.height ?? '?'})`);
  console.log(
    `caption: ${image.caption ? `${image.caption.text} (${image.caption.confidence.toFixed(2)})` : '(none)'}`,
  );
  console.log(`tags: ${(image.tags ?? []).map((tag) => tag.name).join(', ') || '(none)'}`);
  console.log(`faces: ${(image.faces ?? []).length}`);
}
for (const error of errors ?? []) {
  console.error(
    `error ${error.extensions?.code ?? ''} at ${(error.path ?? []).join('.')}: ${error.message}`,
  );
}
process.exitCode = errors?.length ? 1 : 0;

// Asks a running gateway about one image with a typed query:
//   node dist/describe-image.js [gatewayUrl] [imageUrl]
import { graphql } from './gql/index.js';
import { request } from './request.js';

const DescribeImage = graphql(`
  query DescribeImage($url: URL!) {
    image(url: $url) {
      width
      height
      caption {
        text
        confidence
      }
      tags(minConfidence: 0.5) {
        name
      }
      faces {
        age
        rectangle {
          x
          y
          width
          height
        }
      }
    }
  }
`);

const gateway = process.argv[2] ?? 'http://127.0.0.1:4000';
const imageUrl = process.argv[3] ?? new URL('/examples/csdf-dog.jpg', gateway).href;

const { data, errors } = await request(new URL('/graphql', gateway), DescribeImage, {
  url: imageUrl,
});
// Typed from the schema: `image` may be null, `caption.text` is a string, `faces` a list or null.
const image = data?.image;
if (image) {
  console.log(`size: ${image.width}x${image.height}`);
  console.log(`caption: ${image.caption?.text ?? '(none)'}`);
  console.log(`tags: ${(image.tags ?? []).map((tag) => tag.name).join(', ')}`);
  console.log(`faces: ${image.faces?.length ?? 0}`);
}
for (const error of errors ?? [])
  console.error(`${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
process.exitCode = errors?.length ? 1 : 0;

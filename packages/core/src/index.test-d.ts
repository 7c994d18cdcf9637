import { describe, expectTypeOf, it } from 'vitest';
import {
  createVisionClient,
  VisionError,
  RateLimitError,
  type CelebrityResults,
  type DomainModelResults,
  type ImageAnalysis,
  type LandmarkResults,
  type ImageInput,
  type Line,
  type OperationStatus,
  type ReadOperationResult,
  type Thumbnail,
  type VisionClient,
  type VisionErrorKind,
  type VisualFeature,
} from './index.js';

const client = createVisionClient({ endpoint: 'http://127.0.0.1:5000', key: 'k' });

describe('public types', () => {
  it('methods return the generated response types', () => {
    expectTypeOf(client).toEqualTypeOf<VisionClient>();
    expectTypeOf(client.analyze).returns.resolves.toEqualTypeOf<ImageAnalysis>();
    expectTypeOf(client.generateThumbnail).returns.resolves.toEqualTypeOf<Thumbnail>();
    expectTypeOf(client.readAndWait).returns.resolves.toEqualTypeOf<ReadOperationResult>();
    expectTypeOf<ReadOperationResult['status']>().toEqualTypeOf<OperationStatus | undefined>();
    expectTypeOf<Line['boundingBox']>().toEqualTypeOf<number[]>();
    expectTypeOf<Line['appearance']>().toBeNullable();
    expectTypeOf(
      client.analyzeByDomain('celebrities', 'https://x/y.jpg'),
    ).resolves.toEqualTypeOf<CelebrityResults>();
    expectTypeOf(
      client.analyzeByDomain('landmarks', 'https://x/y.jpg'),
    ).resolves.toEqualTypeOf<LandmarkResults>();
    expectTypeOf(
      client.analyzeByDomain('food', 'https://x/y.jpg'),
    ).resolves.toEqualTypeOf<DomainModelResults>();
  });

  it('feature names are a closed union', () => {
    expectTypeOf<'Tags'>().toExtend<VisualFeature>();
    expectTypeOf<'Smiles'>().not.toExtend<VisualFeature>();
    expectTypeOf(client.analyze).toBeCallableWith('https://x/y.jpg', {
      // @ts-expect-error unknown feature names do not compile
      visualFeatures: ['Smiles'],
    });
  });

  it('images are URLs or bytes', () => {
    expectTypeOf<Buffer>().toExtend<ImageInput>();
    expectTypeOf<Blob>().toExtend<ImageInput>();
    expectTypeOf<ReadableStream<Uint8Array>>().toExtend<ImageInput>();
    expectTypeOf<number>().not.toExtend<ImageInput>();
    // @ts-expect-error width and height are required
    expectTypeOf(client.generateThumbnail).toBeCallableWith('https://x/y.jpg', { width: 10 });
  });

  it('errors carry kind and code', () => {
    expectTypeOf<RateLimitError>().toExtend<VisionError>();
    expectTypeOf<VisionError['kind']>().toEqualTypeOf<VisionErrorKind>();
    expectTypeOf<VisionError['code']>().toEqualTypeOf<string>();
    expectTypeOf<VisionError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
  });
});

import { Agent, type Dispatcher } from 'undici';
import type {
  AreaOfInterestResult,
  DetectResult,
  DomainModelResults,
  ImageAnalysis,
  ImageDescription,
  ListModelsResult,
  OcrResult,
  ReadOperationResult,
  TagResult,
} from './generated/spec-types.js';
import { scrubError } from './errors/scrub.js';
import { systemClock } from './http/clock.js';
import { CircuitBreaker } from './http/circuit-breaker.js';
import { ConcurrencyLimiter } from './http/concurrency.js';
import { type AttemptObserver, execute, type ExecutorDeps } from './http/executor.js';
import type { ImageInput } from './image-input.js';
import type { ImageAnalysisResult } from './generated/image-analysis-types.js';
import { analyze, type AnalyzeOptions } from './operations/analyze.js';
import { analyzeImage, type ImageAnalysisOptions } from './operations/analyze-image.js';
import {
  analyzeByDomain,
  type AnalyzeByDomainOptions,
  type CelebrityResults,
  type DomainModel,
  type LandmarkResults,
} from './operations/analyze-by-domain.js';
import { areaOfInterest } from './operations/area-of-interest.js';
import type { OperationContext } from './operations/context.js';
import { describe, type DescribeOptions } from './operations/describe.js';
import { detect } from './operations/detect.js';
import {
  generateThumbnail,
  type Thumbnail,
  type ThumbnailOptions,
} from './operations/generate-thumbnail.js';
import { getReadResult, pollReadResult } from './operations/get-read-result.js';
import { listModels } from './operations/list-models.js';
import { ocr, type OcrOptions } from './operations/ocr.js';
import { read, type ReadOptions, type ReadSubmission } from './operations/read.js';
import { tag, type TagOptions } from './operations/tag.js';
import type { AttemptEvent, CallOptions, PollingOptions, VisionClientOptions } from './options.js';
import { inSpan } from './http/attempt-span.js';
import { pollUntilDone } from './polling.js';
import { resolveOptions, resolvePolling } from './resolve-options.js';

export interface ReadAndWaitOptions extends ReadOptions {
  /** Overrides the client's polling options for this call. */
  polling?: PollingOptions;
}

/** Counters since the client was created; handy for tests and metrics. */
export interface VisionClientStats {
  /** Upstream HTTP attempts sent (retries and polls included). */
  attempts: number;
  /** Attempts that were retries. */
  retries: number;
  /** Attempts in flight right now. */
  inFlight: number;
  /** Attempts waiting for a concurrency slot. */
  queued: number;
  /** The circuit breaker's state; `off` when `circuitBreaker: false`. */
  circuit: 'closed' | 'open' | 'half-open' | 'off';
}

/**
 * A typed client for Azure AI Vision v3.2 and Image Analysis 4.0. Every method accepts `signal`
 * and throws VisionError subclasses.
 */
export interface VisionClient {
  analyze(image: ImageInput, options?: AnalyzeOptions): Promise<ImageAnalysis>;
  /**
   * Image Analysis 4.0 (`POST /computervision/imageanalysis:analyze`, api-version 2023-10-01):
   * caption, dense captions, tags, objects, people, smart crops and synchronous read in one call.
   * Same retries, rate limiting and typed errors as the v3.2 operations.
   */
  analyzeImage(image: ImageInput, options: ImageAnalysisOptions): Promise<ImageAnalysisResult>;
  describe(image: ImageInput, options?: DescribeOptions): Promise<ImageDescription>;
  tag(image: ImageInput, options?: TagOptions): Promise<TagResult>;
  detect(image: ImageInput, options?: CallOptions): Promise<DetectResult>;
  listModels(options?: Pick<CallOptions, 'signal'>): Promise<ListModelsResult>;
  analyzeByDomain(
    model: 'celebrities',
    image: ImageInput,
    options?: AnalyzeByDomainOptions,
  ): Promise<CelebrityResults>;
  analyzeByDomain(
    model: 'landmarks',
    image: ImageInput,
    options?: AnalyzeByDomainOptions,
  ): Promise<LandmarkResults>;
  analyzeByDomain(
    model: DomainModel,
    image: ImageInput,
    options?: AnalyzeByDomainOptions,
  ): Promise<DomainModelResults>;
  generateThumbnail(image: ImageInput, options: ThumbnailOptions): Promise<Thumbnail>;
  areaOfInterest(image: ImageInput, options?: CallOptions): Promise<AreaOfInterestResult>;
  ocr(image: ImageInput, options?: OcrOptions): Promise<OcrResult>;
  /** Starts a read; pair with getReadResult, or use readAndWait. */
  read(image: ImageInput, options?: ReadOptions): Promise<ReadSubmission>;
  /** Fetches a read result by id or Operation-Location (always from this client's endpoint). */
  getReadResult(
    operationIdOrLocation: string,
    options?: Pick<CallOptions, 'signal'>,
  ): Promise<ReadOperationResult>;
  /**
   * Submits a read and polls until it ends.
   * @throws ReadFailedError when the operation ends `failed`; PollingTimeoutError past the deadline.
   */
  readAndWait(image: ImageInput, options?: ReadAndWaitOptions): Promise<ReadOperationResult>;
  /**
   * The same client (connection pool, limits, circuit breaker, counters) whose calls also report
   * each attempt to `onAttempt`, after the client's own observer: how a server attributes
   * attempts to the request that caused them, without tracking async context.
   */
  withAttemptObserver(onAttempt: (event: AttemptEvent) => void): VisionClient;
  stats(): VisionClientStats;
  /** Closes the connection pool the client created (a dispatcher you passed stays open). */
  close(): Promise<void>;
}

/**
 * Creates a client. Options are validated here; a bad one throws InvalidInputError naming it.
 * @example
 * const vision = createVisionClient({ endpoint: process.env.VISION_ENDPOINT!, key: process.env.VISION_KEY! });
 * const { description } = await vision.analyze('https://example.com/cat.jpg', { visualFeatures: ['Description'] });
 */
export function createVisionClient(options: VisionClientOptions): VisionClient {
  const resolved = resolveOptions(options);
  const clock = options.clock ?? systemClock;
  const ownDispatcher = options.dispatcher === undefined;
  const dispatcher: Dispatcher =
    options.dispatcher ??
    new Agent({
      connect: { timeout: resolved.timeouts.connectMs },
      ...(Number.isFinite(resolved.maxConcurrency) && { connections: resolved.maxConcurrency }),
    });
  const concurrency = new ConcurrencyLimiter(resolved.maxConcurrency, resolved.maxQueue);
  const counters = { attempts: 0, retries: 0 };
  const random = options.random ?? Math.random;
  const deps: ExecutorDeps = {
    options: resolved,
    dispatcher,
    clock,
    random,
    concurrency,
    ...(resolved.circuitBreaker && {
      breaker: new CircuitBreaker(resolved.circuitBreaker, clock, random),
    }),
    stats: counters,
    closed: false,
    ...(resolved.rateLimiter && { limiter: resolved.rateLimiter }),
    ...(options.onAttempt && { onAttempt: options.onAttempt }),
  };
  // Every public method goes through this, so no error leaves the client carrying the key.
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      fn(...args).catch((err: unknown) => {
        throw scrubError(err, resolved.key);
      });
  const stats = (): VisionClientStats => ({
    ...counters,
    inFlight: concurrency.inFlight,
    queued: concurrency.queued,
    circuit: deps.breaker?.status ?? 'off',
  });
  const close = async (): Promise<void> => {
    deps.closed = true;
    if (ownDispatcher) await dispatcher.close();
  };

  const clientFor = (observer: AttemptObserver | undefined): VisionClient => {
    const ctx: OperationContext = { execute: (req) => execute(deps, req, observer) };
    return {
      analyze: guard((image: ImageInput, o?: Parameters<VisionClient['analyze']>[1]) =>
        analyze(ctx, image, o),
      ),
      analyzeImage: guard((image: ImageInput, o: ImageAnalysisOptions) =>
        analyzeImage(ctx, image, o),
      ),
      describe: guard((image: ImageInput, o?: Parameters<VisionClient['describe']>[1]) =>
        describe(ctx, image, o),
      ),
      tag: guard((image: ImageInput, o?: Parameters<VisionClient['tag']>[1]) => tag(ctx, image, o)),
      detect: guard((image: ImageInput, o?: Parameters<VisionClient['detect']>[1]) =>
        detect(ctx, image, o),
      ),
      listModels: guard((o?: Pick<CallOptions, 'signal'>) => listModels(ctx, o)),
      // The overloads only narrow `result` for the two documented models.
      analyzeByDomain: guard((model: DomainModel, image: ImageInput, o?: AnalyzeByDomainOptions) =>
        analyzeByDomain(ctx, model, image, o),
      ) as VisionClient['analyzeByDomain'],
      generateThumbnail: guard((image: ImageInput, o: ThumbnailOptions) =>
        generateThumbnail(ctx, image, o),
      ),
      areaOfInterest: guard(
        (image: ImageInput, o?: Parameters<VisionClient['areaOfInterest']>[1]) =>
          areaOfInterest(ctx, image, o),
      ),
      ocr: guard((image: ImageInput, o?: Parameters<VisionClient['ocr']>[1]) => ocr(ctx, image, o)),
      read: guard((image: ImageInput, o?: Parameters<VisionClient['read']>[1]) =>
        read(ctx, image, o),
      ),
      getReadResult: guard((id: string, o?: Pick<CallOptions, 'signal'>) =>
        getReadResult(ctx, id, o),
      ),
      readAndWait: guard(async (image: ImageInput, o: ReadAndWaitOptions = {}) => {
        const polling = resolvePolling(o.polling, resolved.polling);
        const startedAt = clock.now();
        const { operationId } = await read(ctx, image, o);
        const poll = (signal: AbortSignal | undefined, deadline: number) =>
          pollReadResult(ctx, operationId, { deadline, ...(signal && { signal }) });
        // One span over the whole poll sequence; each poll attempt is a child of it.
        return inSpan('read poll', { 'visiongraph.read.operation_id': operationId }, () =>
          pollUntilDone({
            clock,
            poll,
            operationId,
            polling,
            startedAt,
            ...(o.signal && { signal: o.signal }),
          }),
        );
      }),
      withAttemptObserver: (onAttempt) =>
        clientFor(
          observer
            ? (event) => {
                observer(event);
                onAttempt(event);
              }
            : onAttempt,
        ),
      stats,
      close,
    };
  };
  return clientFor(undefined);
}

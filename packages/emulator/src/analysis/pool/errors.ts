/** The request was aborted (client disconnected) before its work finished. */
export class AnalysisAbortedError extends Error {
  override readonly name = 'AbortError';
  readonly code = 'ANALYSIS_ABORTED';
  constructor() {
    super('analysis aborted: the request was cancelled');
  }
}

/** A model worker failed (crashed, or a model threw). */
export class ModelWorkerError extends Error {
  override readonly name = 'ModelWorkerError';
  readonly code = 'MODEL_FAILED';
}

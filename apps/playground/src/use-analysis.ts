import { useCallback, useEffect, useRef, useState } from 'react';
import { AnalyzeImage } from './analyze-query.js';
import type { AnalyzeImageQuery, AnalyzeImageQueryVariables } from './gql/graphql.js';
import { execute } from './lib/execute.js';
import type { ExecutionResult } from './lib/incremental.js';

export interface Analysis {
  variables: AnalyzeImageQueryVariables;
  /** True until the last part (deferred text included) has arrived. */
  running: boolean;
  result?: ExecutionResult<AnalyzeImageQuery>;
  /** The request itself failed (no GraphQL answer at all). */
  failure?: { code: string; message: string };
}

/** Runs the analyze query; a new run cancels the one in flight. */
export function useAnalysis() {
  const [analysis, setAnalysis] = useState<Analysis>();
  const inFlight = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => inFlight.current?.abort(), []);

  const run = useCallback(async (variables: AnalyzeImageQueryVariables) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setAnalysis({ variables, running: true });
    const update = (change: Partial<Analysis>) => {
      if (!controller.signal.aborted) setAnalysis((old) => old && { ...old, ...change });
    };
    try {
      for await (const result of execute(AnalyzeImage, variables, { signal: controller.signal })) {
        update({ result, running: result.hasNext === true });
      }
      update({ running: false });
    } catch (error) {
      if (controller.signal.aborted) return;
      const { code, message } = error as { code?: string; message?: string };
      update({
        running: false,
        failure: { code: code ?? 'REQUEST_FAILED', message: message ?? String(error) },
      });
    }
  }, []);

  return { analysis, run };
}

import { useEffect, useRef, useState } from 'react';
import { AnalyzeImage } from './analyze-query.js';
import { CropRatioPicker } from './components/crop-ratio-picker.js';
import { DropZone } from './components/drop-zone.js';
import { type Example, ExamplesList } from './components/examples-list.js';
import { FeatureOptions } from './components/feature-options.js';
import { ImageStage } from './components/image-stage.js';
import { QueryPanel } from './components/query-panel.js';
import { UrlForm } from './components/url-form.js';
import { DEFAULT_RATIOS } from './crop-ratios.js';
import { ALL_FEATURES, type FeatureSet, type ImageSource, queryVariables } from './features.js';
import { ResultPanels } from './panels/result-panels.js';
import { useAnalysis } from './use-analysis.js';

const QUERY = AnalyzeImage.toString().trim();

/** The playground: pick an image and what to see, then look at the answer drawn over it. */
export function App() {
  const [source, setSource] = useState<ImageSource>();
  const [features, setFeatures] = useState<FeatureSet>(ALL_FEATURES);
  const [thumbnail, setThumbnail] = useState({ width: 128, height: 128 });
  const [cropRatios, setCropRatios] = useState<readonly number[]>(DEFAULT_RATIOS);
  const { analysis, run } = useAnalysis();
  const displayUrl = useObjectUrl(source);

  const stage = useRef<HTMLDivElement>(null);
  const analyze = (next: ImageSource, ratios: readonly number[] = cropRatios) => {
    setSource(next);
    // run shows its own failures in `analysis.failure`; what reaches this catch is a bug.
    run(queryVariables(next, features, thumbnail, ratios)).catch(console.error);
    // On a phone the image is below the controls: bring it into view.
    const top = stage.current?.getBoundingClientRect().top;
    if (top !== undefined && top > innerHeight * 0.8)
      stage.current?.scrollIntoView({ block: 'start' });
  };
  const pickExample = (example: Example) =>
    // the gateway fetches the image by URL, so it needs an absolute one
    analyze({
      kind: 'example',
      url: new URL(example.url, location.origin).href,
      label: example.name,
    });
  // Before an image is picked, the query shown (and opened in GraphiQL) uses the portrait.
  const variables = queryVariables(
    source ?? {
      kind: 'url',
      url: new URL('/examples/skimage-astronaut.png', location.origin).href,
      label: '',
    },
    features,
    thumbnail,
    cropRatios,
  );
  // A new ratio is asked for at once: the gateway answers the rest from its cache, so only the
  // new crop costs a call.
  const pickRatios = (ratios: number[]) => {
    setCropRatios(ratios);
    if (source && features.smartCrops) analyze(source, ratios);
  };

  return (
    <div className="layout">
      <aside className="controls" aria-label="Image and options">
        <h2 className="section-title">1. Pick an image</h2>
        <UrlForm onSubmit={(url) => analyze({ kind: 'url', url, label: url })} />
        <DropZone onFile={(file) => analyze({ kind: 'file', file, label: file.name })} />
        <details className="examples-box" open>
          <summary>Examples</summary>
          <ExamplesList
            onPick={pickExample}
            current={source?.kind === 'example' ? source.url.split('/').pop() : undefined}
          />
        </details>
        <h2 className="section-title">2. Choose what to see</h2>
        <FeatureOptions
          features={features}
          onFeatures={setFeatures}
          thumbnail={thumbnail}
          onThumbnail={setThumbnail}
        />
        <CropRatioPicker
          ratios={cropRatios}
          onChange={pickRatios}
          disabled={!features.smartCrops}
        />
        <button
          type="button"
          className="primary"
          disabled={!source || analysis?.running}
          onClick={() => source && analyze(source)}
        >
          {analysis?.running ? 'Analyzing…' : 'Analyze again'}
        </button>
      </aside>
      <div className="results">
        <div ref={stage}>
          <ImageStage
            analysis={analysis}
            src={displayUrl}
            trusted={source?.kind !== 'url'}
            sourceLabel={source?.label ?? ''}
          />
        </div>
        {analysis ? <ResultPanels analysis={analysis} src={displayUrl} /> : null}
        <QueryPanel query={QUERY} variables={analysis?.variables ?? variables} />
      </div>
    </div>
  );
}

/** A URL the browser can display for the source: the URL itself, or an object URL for a file. */
function useObjectUrl(source: ImageSource | undefined): string | undefined {
  const file = source?.kind === 'file' ? source.file : undefined;
  const [objectUrl, setObjectUrl] = useState<string>();
  // Created and revoked by the same effect, so StrictMode's extra mount cannot revoke a URL
  // that is still displayed.
  useEffect(() => {
    if (!file) return setObjectUrl(undefined);
    const url = URL.createObjectURL(file);
    setObjectUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  return source?.kind === 'file' ? objectUrl : source?.url;
}

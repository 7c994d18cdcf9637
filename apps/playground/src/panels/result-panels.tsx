import { ImageErrorsContext } from '../components/panel.js';
import { describeError, imageErrors } from '../field-state.js';
import type { Analysis } from '../use-analysis.js';
import { ColorsPanel } from './colors-panel.js';
import { DetectionsPanel } from './detections-panel.js';
import { FlagsPanel } from './flags-panel.js';
import { RecognitionPanel } from './recognition-panel.js';
import { RegionsPanel } from './regions-panel.js';
import { TagsPanel } from './tags-panel.js';
import { TextPanel } from './text-panel.js';
import { ThumbnailPanel } from './thumbnail-panel.js';

/** Every result card, text first since it is the one that keeps changing. */
export function ResultPanels({ analysis, src }: { analysis: Analysis; src: string | undefined }) {
  const overImage = new Set(imageErrors(analysis).map(describeError));
  return (
    <ImageErrorsContext.Provider value={overImage}>
      <div className="panels">
        <TextPanel analysis={analysis} />
        <DetectionsPanel analysis={analysis} />
        <RegionsPanel analysis={analysis} />
        <TagsPanel analysis={analysis} />
        <RecognitionPanel analysis={analysis} />
        <ThumbnailPanel analysis={analysis} src={src} />
        <ColorsPanel analysis={analysis} />
        <FlagsPanel analysis={analysis} />
      </div>
    </ImageErrorsContext.Provider>
  );
}

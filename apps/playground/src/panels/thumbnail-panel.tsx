import { Panel, valueOf } from '../components/panel.js';
import { fieldState } from '../field-state.js';
import type { Analysis } from '../use-analysis.js';
import { formatRect } from '../components/region-rows.js';

interface ThumbnailPanelProps {
  analysis: Analysis;
  /** The displayed image, for the small copy with the area of interest drawn on it. */
  src: string | undefined;
}

/** The smart-cropped thumbnail next to the area of interest it was cut around. */
export function ThumbnailPanel({ analysis, src }: ThumbnailPanelProps) {
  const on = analysis.variables.thumbnail;
  const thumbnail = fieldState(analysis, 'thumbnail', on);
  const area = fieldState(analysis, 'areaOfInterest', on);
  const thumb = valueOf(thumbnail);
  const rect = valueOf(area);
  const image = analysis.result?.data?.image;
  return (
    <Panel
      title="Thumbnail"
      states={[thumbnail, area]}
      loadingLabel="Cropping…"
      testId="thumbnail-panel"
    >
      <div className="thumbnail-row">
        {thumb ? (
          <figure>
            <img
              className="thumbnail"
              src={thumb.dataUrl}
              width={thumb.width}
              height={thumb.height}
              alt="Smart-cropped thumbnail"
            />
            <figcaption>
              {thumb.width}×{thumb.height}, {(thumb.byteSize / 1024).toFixed(1)} kB
            </figcaption>
          </figure>
        ) : null}
        {rect && src && image?.width && image.height ? (
          <figure>
            <svg
              className="area-preview"
              viewBox={`0 0 ${image.width} ${image.height}`}
              role="img"
              aria-label="Area of interest"
            >
              <image href={src} width={image.width} height={image.height} />
              <rect
                className="shape shape-area"
                x={rect.x}
                y={rect.y}
                width={rect.width}
                height={rect.height}
                vectorEffect="non-scaling-stroke"
              />
            </svg>
            <figcaption>area of interest {formatRect(rect)}</figcaption>
          </figure>
        ) : null}
      </div>
    </Panel>
  );
}

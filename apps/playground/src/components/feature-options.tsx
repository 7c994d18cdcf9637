import { FEATURES, type FeatureSet, type ThumbnailSize } from '../features.js';

interface FeatureOptionsProps {
  features: FeatureSet;
  onFeatures: (features: FeatureSet) => void;
  thumbnail: ThumbnailSize;
  onThumbnail: (size: ThumbnailSize) => void;
}

/** What to ask for: one checkbox per feature group, and the thumbnail size. */
export function FeatureOptions({
  features,
  onFeatures,
  thumbnail,
  onThumbnail,
}: FeatureOptionsProps) {
  const size = (key: keyof ThumbnailSize, value: string) => {
    const n = Math.round(Number(value));
    if (Number.isFinite(n) && n >= 1) onThumbnail({ ...thumbnail, [key]: Math.min(n, 1024) });
  };
  return (
    <>
      <fieldset className="options">
        <legend>What to see</legend>
        {FEATURES.map(({ key, label }) => (
          <label key={key} className="check">
            <input
              type="checkbox"
              name={key}
              checked={features[key]}
              onChange={(event) => onFeatures({ ...features, [key]: event.target.checked })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="options inline" disabled={!features.thumbnail}>
        <legend>Thumbnail size (px)</legend>
        <label>
          Width
          <input
            type="number"
            min={1}
            max={1024}
            value={thumbnail.width}
            onChange={(e) => size('width', e.target.value)}
          />
        </label>
        <label>
          Height
          <input
            type="number"
            min={1}
            max={1024}
            value={thumbnail.height}
            onChange={(e) => size('height', e.target.value)}
          />
        </label>
      </fieldset>
    </>
  );
}

import type { CSSProperties } from 'react';
import type { Shape } from './shapes.js';

interface OverlayProps {
  shapes: Shape[];
  /** The image's natural size: the coordinate space of every shape. */
  width: number;
  height: number;
}

// Boxes live in an SVG whose viewBox is the image's natural size, so they scale with the
// displayed image; strokes do not scale (non-scaling-stroke) and labels are HTML, so both stay
// legible at any size.
export function Overlay({ shapes, width, height }: OverlayProps) {
  return (
    <>
      <svg
        className="overlay"
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {shapes.map((shape) =>
          shape.rect ? (
            <rect
              key={shape.key}
              className={`shape shape-${shape.kind}`}
              data-kind={shape.kind}
              x={shape.rect.x}
              y={shape.rect.y}
              width={shape.rect.width}
              height={shape.rect.height}
              vectorEffect="non-scaling-stroke"
            />
          ) : (
            <polygon
              key={shape.key}
              className={`shape shape-${shape.kind}`}
              data-kind={shape.kind}
              points={(shape.points ?? []).map((p) => `${p.x},${p.y}`).join(' ')}
              vectorEffect="non-scaling-stroke"
            />
          ),
        )}
      </svg>
      {shapes.map((shape) =>
        shape.label && shape.rect ? (
          <span
            key={shape.key}
            className={`shape-label label-${shape.kind}`}
            style={labelPosition(shape.rect, width, height)}
          >
            {shape.label}
          </span>
        ) : null,
      )}
    </>
  );
}

// Above the box's top-left corner, or just inside it when the box touches the top edge.
function labelPosition(rect: NonNullable<Shape['rect']>, width: number, height: number): CSSProperties {
  const inside = rect.y / height < 0.06;
  return {
    left: `${(rect.x / width) * 100}%`,
    top: `${(rect.y / height) * 100}%`,
    transform: inside ? 'none' : 'translateY(-100%)',
  };
}

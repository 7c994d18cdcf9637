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
      {placeLabels(shapes, width, height).map(({ shape, style }) => (
        <span key={shape.key} className={`shape-label label-${shape.kind}`} style={style}>
          {shape.label}
        </span>
      ))}
    </>
  );
}

// A label sits above its box's top-left corner (inside it when the box touches the top edge);
// the area of interest and smart crops are labelled at their bottom-left, inside. Labels that would start at the
// same spot (a face that is also a celebrity) are stacked instead of drawn over each other.
function placeLabels(shapes: Shape[], width: number, height: number) {
  const taken = new Map<string, number>();
  return shapes.flatMap((shape) => {
    if (!shape.label || !shape.rect) return [];
    const { x, y, height: h } = shape.rect;
    const bottom = shape.kind === 'area' || shape.kind === 'crop';
    const anchorY = bottom ? y + h : y;
    // Crops often share the image's bottom edge at different x: stack them by that edge alone.
    const column = shape.kind === 'crop' ? 'crop' : Math.round((x / width) * 50);
    const spot = `${column},${Math.round((anchorY / height) * 50)}`;
    const stacked = taken.get(spot) ?? 0;
    taken.set(spot, stacked + 1);
    const inside = bottom || y / height < 0.06;
    const shift = inside ? (bottom ? -100 - stacked * 100 : stacked * 100) : -100 - stacked * 100;
    const style: CSSProperties = {
      left: `${(x / width) * 100}%`,
      top: `${(anchorY / height) * 100}%`,
      transform: `translateY(${shift}%)`,
      // A dense caption is a sentence: cut it at the image's right edge, not past it.
      ...(shape.kind === 'dense' && { maxWidth: `${((width - x) / width) * 100}%` }),
    };
    return [{ shape, style }];
  });
}

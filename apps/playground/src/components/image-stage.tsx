import { useState } from 'react';
import { describeError, fieldState, imageErrors } from '../field-state.js';
import type { GraphQLErrorShape } from '../lib/incremental.js';
import type { Analysis } from '../use-analysis.js';
import { ErrorMessage } from './error-message.js';
import { LayerToggles } from './layer-toggles.js';
import { Overlay } from './overlay.js';
import { percent } from './panel.js';
import { SHAPE_KINDS, type ShapeKind, shapesOf } from './shapes.js';

interface ImageStageProps {
  analysis: Analysis | undefined;
  /** What the browser displays: the example or pasted URL, or an object URL for a file. */
  src: string | undefined;
  /** Show `src` before the gateway has looked at it (examples and local files are known to load). */
  trusted: boolean;
  sourceLabel: string;
}

// The caption's error is already in the banner when the whole image failed.
function sameErrors(own: GraphQLErrorShape[], banner: GraphQLErrorShape[]): boolean {
  const shown = new Set(banner.map(describeError));
  return own.every((error) => shown.has(describeError(error)));
}

/** The picked image with its caption as a title and every box drawn over it. */
export function ImageStage({ analysis, src, trusted, sourceLabel }: ImageStageProps) {
  const [natural, setNatural] = useState<{ src: string; width: number; height: number }>();
  const [hidden, setHidden] = useState<ReadonlySet<ShapeKind>>(new Set());
  const image = analysis?.result?.data?.image;
  const caption = fieldState(analysis, 'caption', analysis?.variables.caption ?? false);
  const errors: GraphQLErrorShape[] = [
    ...imageErrors(analysis),
    ...(analysis?.failure
      ? [{ message: analysis.failure.message, extensions: { code: analysis.failure.code } }]
      : []),
  ];
  // A pasted URL is only displayed once the gateway could read it, so a dead link does not
  // turn into a broken image (and a console error) in the browser.
  const show = src !== undefined && (trusted || image?.width != null);
  const size =
    natural?.src === src
      ? natural
      : image?.width && image.height
        ? { width: image.width, height: image.height }
        : undefined;
  const shapes = shapesOf(image).filter((shape) => !hidden.has(shape.kind));
  const present = new Set(shapesOf(image).map((shape) => shape.kind));

  return (
    <section className="stage" aria-label="Image">
      <header className="stage-title">
        {caption.status === 'ready' && caption.value ? (
          <h2 className="caption" data-testid="caption">
            {caption.value.text} <small>{percent(caption.value.confidence)}</small>
          </h2>
        ) : caption.status === 'loading' ? (
          <h2 className="muted" role="status">
            Describing the image…
          </h2>
        ) : caption.status === 'error' && !sameErrors(caption.errors, errors) ? (
          <h2 className="error" role="alert">
            {caption.errors.map(describeError).join(' · ')}
          </h2>
        ) : (
          <h2 className="muted">
            {src ? sourceLabel : 'Pick an image to see what the vision graph sees'}
          </h2>
        )}
      </header>
      {errors.map((error) => (
        <ErrorMessage
          key={describeError(error)}
          error={error}
          className="error banner"
          testId="image-error"
        />
      ))}
      {show ? (
        <figure className="figure">
          <img
            src={src}
            alt={caption.status === 'ready' && caption.value ? caption.value.text : sourceLabel}
            onLoad={({ currentTarget: img }) =>
              setNatural({ src, width: img.naturalWidth, height: img.naturalHeight })
            }
          />
          {size ? <Overlay shapes={shapes} width={size.width} height={size.height} /> : null}
        </figure>
      ) : src && analysis?.running ? (
        <p className="loading placeholder" role="status">
          <span className="spinner" aria-hidden="true" />
          Fetching the image…
        </p>
      ) : null}
      <LayerToggles
        kinds={SHAPE_KINDS.filter((entry) => present.has(entry.kind))}
        hidden={hidden}
        onChange={setHidden}
      />
    </section>
  );
}

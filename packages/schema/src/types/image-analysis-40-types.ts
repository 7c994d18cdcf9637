import { builder } from '../builder.js';
import type { DenseCaptionShape, PersonShape, SmartCropShape } from '../convert/image-analysis.js';
import { RectangleRef } from './geometry-types.js';

export const DenseCaptionRef = builder.objectRef<DenseCaptionShape>('DenseCaption').implement({
  description:
    'A caption of the whole image or of one region of it (Image Analysis 4.0 dense captions).',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The caption, e.g. "a dog on a wooden deck".' }),
    confidence: t.exposeFloat('confidence', { description: 'Confidence from 0 to 1.' }),
    rectangle: t.field({
      type: RectangleRef,
      description: 'The region described; the first caption covers the whole image.',
      resolve: (c) => c.rectangle,
    }),
  }),
});

export const PersonRef = builder.objectRef<PersonShape>('Person').implement({
  description: 'A person located in the image (Image Analysis 4.0 people).',
  fields: (t) => ({
    rectangle: t.field({
      type: RectangleRef,
      description: 'The whole person, not only the face.',
      resolve: (p) => p.rectangle,
    }),
    confidence: t.exposeFloat('confidence', { description: 'Confidence from 0 to 1.' }),
  }),
});

export const SmartCropRef = builder.objectRef<SmartCropShape>('SmartCrop').implement({
  description:
    'A region of the image at an aspect ratio that keeps what matters (faces first): a thumbnail crop without the bytes (Image Analysis 4.0 smart crops).',
  fields: (t) => ({
    aspectRatio: t.exposeFloat('aspectRatio', { description: 'Width divided by height.' }),
    rectangle: t.field({
      type: RectangleRef,
      description: 'The crop in image pixels.',
      resolve: (c) => c.rectangle,
    }),
  }),
});

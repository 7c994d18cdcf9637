import { builder } from '../builder.js';
import type {
  AdultShape,
  CaptionShape,
  CategoryShape,
  ColorShape,
  DetectedObjectShape,
  FaceShape,
  ImageTypeShape,
  LandmarkShape,
  NamedBoxShape,
  ObjectParentShape,
  TagShape,
} from '../convert/analysis.js';
import { RectangleRef } from './geometry-types.js';

export const CaptionRef = builder.objectRef<CaptionShape>('Caption').implement({
  description: 'A sentence describing the image.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The caption, e.g. "a cat sitting on a sofa".' }),
    confidence: t.exposeFloat('confidence', { description: 'Confidence from 0 to 1.' }),
  }),
});

export const TagRef = builder.objectRef<TagShape>('Tag').implement({
  description: 'A word for something seen in the image (objects, scenery, actions).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The tag, e.g. "outdoor".' }),
    confidence: t.exposeFloat('confidence', { description: 'Confidence from 0 to 1.' }),
    hint: t.exposeString('hint', {
      nullable: true,
      description: 'Disambiguation hint for ambiguous tags, when Azure gives one.',
    }),
  }),
});

export const CategoryRef = builder.objectRef<CategoryShape>('Category').implement({
  description: 'A category from the 86-category taxonomy, e.g. "animal_cat" or "outdoor_".',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Category name; a child is named parent_child.' }),
    score: t.exposeFloat('score', { description: 'Score from 0 to 1.' }),
  }),
});

export const ObjectParentRef = builder.objectRef<ObjectParentShape>('ObjectParent');
ObjectParentRef.implement({
  description: 'A more general kind of a detected object, e.g. "mammal" for "dog".',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the ancestor class.' }),
    confidence: t.exposeFloat('confidence', { description: 'Confidence from 0 to 1.' }),
    parent: t.field({
      type: ObjectParentRef,
      nullable: true,
      description: 'The next more general class.',
      resolve: (p) => p.parent,
    }),
  }),
});

export const DetectedObjectRef = builder
  .objectRef<DetectedObjectShape>('DetectedObject')
  .implement({
    description: 'An object located in the image.',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'What the object is, e.g. "dog".' }),
      confidence: t.exposeFloat('confidence', { description: 'Confidence from 0 to 1.' }),
      rectangle: t.field({
        type: RectangleRef,
        description: 'Where it is.',
        resolve: (o) => o.rectangle,
      }),
      parent: t.field({
        type: ObjectParentRef,
        nullable: true,
        description: 'A more general class, when known.',
        resolve: (o) => o.parent,
      }),
    }),
  });

export const GenderRef = builder.enumType('Gender', {
  description:
    'Apparent gender of a face, as the v3.2 API reports it (a retired Azure attribute, kept for compatibility).',
  values: {
    MALE: { value: 'MALE', description: 'Reported as male.' },
    FEMALE: { value: 'FEMALE', description: 'Reported as female.' },
  } as const,
});

export const FaceRef = builder.objectRef<FaceShape>('Face').implement({
  description: 'A human face found in the image.',
  fields: (t) => ({
    age: t.exposeInt('age', {
      nullable: true,
      description: 'Estimated age in years, when reported.',
    }),
    gender: t.field({
      type: GenderRef,
      nullable: true,
      description: 'Apparent gender, when reported.',
      resolve: (f) => f.gender,
    }),
    rectangle: t.field({
      type: RectangleRef,
      description: 'Where the face is.',
      resolve: (f) => f.rectangle,
    }),
  }),
});

export const ColorInfoRef = builder.objectRef<ColorShape>('ColorInfo').implement({
  description: 'Colour scheme of the image.',
  fields: (t) => ({
    dominantForeground: t.exposeString('dominantForeground', {
      description: 'Dominant foreground colour name, e.g. "Black".',
    }),
    dominantBackground: t.exposeString('dominantBackground', {
      description: 'Dominant background colour name.',
    }),
    dominantColors: t.exposeStringList('dominantColors', {
      description: 'All dominant colour names.',
    }),
    accentColor: t.exposeString('accentColor', {
      description: 'Accent colour as 6 hex digits without "#", e.g. "873B59".',
    }),
    isBlackAndWhite: t.exposeBoolean('isBlackAndWhite', {
      description: 'Whether the image is black and white.',
    }),
  }),
});

export const ClipArtLevelRef = builder.enumType('ClipArtLevel', {
  description: 'How much the image looks like clip art.',
  values: {
    NON_CLIP_ART: { value: 'NON_CLIP_ART', description: 'Not clip art (0).' },
    AMBIGUOUS: { value: 'AMBIGUOUS', description: 'Ambiguous (1).' },
    NORMAL: { value: 'NORMAL', description: 'Normal clip art (2).' },
    GOOD: { value: 'GOOD', description: 'Good clip art (3).' },
  } as const,
});

export const ImageTypeRef = builder.objectRef<ImageTypeShape>('ImageType').implement({
  description: 'Whether the image is clip art or a line drawing.',
  fields: (t) => ({
    clipArtType: t.exposeInt('clipArtType', {
      description: 'Azure clip-art score: 0 non-clip-art, 1 ambiguous, 2 normal, 3 good.',
    }),
    clipArt: t.field({
      type: ClipArtLevelRef,
      description: 'The same score as an enum.',
      resolve: (i) => i.clipArt,
    }),
    isLineDrawing: t.exposeBoolean('isLineDrawing', {
      description: 'Whether the image is a line drawing.',
    }),
  }),
});

export const AdultInfoRef = builder.objectRef<AdultShape>('AdultInfo').implement({
  description: 'Adult, racy and gory content detection.',
  fields: (t) => ({
    isAdult: t.exposeBoolean('isAdult', {
      description: 'Whether the image contains adult content.',
    }),
    isRacy: t.exposeBoolean('isRacy', { description: 'Whether the image is racy (suggestive).' }),
    isGory: t.exposeBoolean('isGory', { description: 'Whether the image is gory.' }),
    adultScore: t.exposeFloat('adultScore', { description: 'Adult score from 0 to 1.' }),
    racyScore: t.exposeFloat('racyScore', { description: 'Racy score from 0 to 1.' }),
    goreScore: t.exposeFloat('goreScore', { description: 'Gore score from 0 to 1.' }),
  }),
});

// Brands and celebrities share one shape: a name, a confidence and a box.
function namedBox(name: string, description: string, what: string, box: string) {
  return builder.objectRef<NamedBoxShape>(name).implement({
    description,
    fields: (t) => ({
      name: t.exposeString('name', { description: what }),
      confidence: t.exposeFloat('confidence', { description: 'Confidence from 0 to 1.' }),
      rectangle: t.field({ type: RectangleRef, description: box, resolve: (b) => b.rectangle }),
    }),
  });
}

export const BrandRef = namedBox(
  'Brand',
  'A brand logo found in the image.',
  'Brand name.',
  'Where the logo is.',
);
export const CelebrityRef = namedBox(
  'Celebrity',
  'A recognised well-known person.',
  "The person's name.",
  'Where the face is.',
);

export const LandmarkRef = builder.objectRef<LandmarkShape>('Landmark').implement({
  description: 'A recognised landmark (building, monument, natural site).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Landmark name, e.g. "Colosseum".' }),
    confidence: t.exposeFloat('confidence', { description: 'Confidence from 0 to 1.' }),
  }),
});

/** One curated example image, as listed by `GET /examples`. */
export interface ExampleImage {
  /** Short label for a picker. */
  name: string;
  /** File name inside the examples directory. */
  file: string;
  /** Where the gateway serves it: `/examples/<file>`. */
  url: string;
  /** What the image shows and which fields it is good for. */
  description: string;
  /**
   * The Image fields this example demonstrates: each gives a non-empty answer for it on the
   * embedded emulator (test/gateway/example-catalog.test.ts checks every claim).
   */
  shows: ReadonlyArray<ExampleField>;
}

/** Image fields an example can be picked for. */
export type ExampleField =
  | 'caption'
  | 'tags'
  | 'faces'
  | 'objects'
  | 'celebrities'
  | 'landmarks'
  | 'brands'
  | 'text'
  | 'imageType'
  | 'thumbnail';

// Picked so that every overlay the playground draws has an image that exercises it.
const CATALOG: ReadonlyArray<Omit<ExampleImage, 'url'>> = [
  {
    name: 'Portrait',
    file: 'skimage-astronaut.png',
    description: 'An astronaut in an orange suit, one face: faces, smart-cropped thumbnails.',
    shows: ['faces', 'thumbnail', 'caption'],
  },
  {
    name: 'Printed text',
    file: 'tjs-testocr.png',
    description: 'A clean printed paragraph: OCR and read, word boxes.',
    shows: ['text'],
  },
  {
    name: 'Family',
    file: 'csdf-faces.jpg',
    description: 'A family of six outdoors: faces with age and gender.',
    shows: ['faces', 'caption'],
  },
  {
    name: 'Skateboarder',
    file: 'csdf-objects.jpg',
    description: 'A man in mid-air on a skateboard: objects with rectangles.',
    shows: ['objects', 'caption'],
  },
  {
    name: 'Landmark',
    file: 'csdf-landmark.jpg',
    description: 'Inside the Colosseum in Rome: the landmarks model.',
    shows: ['landmarks'],
  },
  {
    name: 'Dog',
    file: 'csdf-dog.jpg',
    description: 'A dachshund on a wooden deck at sunset: tags, objects, caption.',
    shows: ['objects', 'tags', 'caption'],
  },
  {
    name: 'House',
    file: 'csdf-house.jpg',
    description: 'A white cottage with a garden: the quickstart local-file image.',
    shows: ['caption', 'tags'],
  },
  {
    name: 'Handwriting',
    file: 'rest-handwriting.jpg',
    description: 'A short handwritten note on lined paper: read (handwritten lines).',
    shows: ['text'],
  },
  {
    name: 'Celebrities',
    file: 'csdf-celebrities.jpg',
    description: 'Four men in suits, black and white: faces and the celebrities model.',
    shows: ['faces', 'celebrities'],
  },
  {
    name: 'Logo',
    file: 'csdf-gray-shirt-logo.jpg',
    description: 'A grey hoodie with the Microsoft logo: brands, with a box around the logo.',
    shows: ['brands'],
  },
  {
    name: 'Clip art',
    file: 'csdf-cheese_clipart.png',
    description: 'A wedge of cheese drawn as clip art: image type.',
    shows: ['imageType'],
  },
  {
    name: 'Several languages',
    file: 'csdf-MultiLingual.png',
    description: 'The same question in seven languages: text language handling.',
    shows: ['text'],
  },
];

/** The curated examples with their gateway URLs, in display order. */
export function exampleCatalog(): ExampleImage[] {
  return CATALOG.map((entry) => ({ ...entry, url: `/examples/${entry.file}` }));
}

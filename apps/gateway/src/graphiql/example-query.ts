/**
 * The query GraphiQL opens with: two example images served by this gateway, the quick
 * analyze-family fields first and the slower text deferred, so the caption shows at once.
 * `origin` is the gateway as the browser reached it (the upstream fetches the images from there).
 */
export function exampleQuery(origin: string): string {
  const portrait = new URL('/examples/skimage-astronaut.png', origin).href;
  const text = new URL('/examples/tjs-testocr.png', origin).href;
  return `# Caption, tags and faces come back first; the text follows (@defer).
# Both images are served by this gateway at /examples/ (GET /examples lists them all).
query ExampleImages {
  images(urls: [
    "${portrait}"
    "${text}"
  ]) {
    url
    width
    height
    caption { text confidence }
    tags(minConfidence: 0.5) { name confidence }
    faces { age gender rectangle { x y width height } }
    ... @defer(label: "text") {
      text { text }
    }
  }
}
`;
}

import { graphql } from './gql/index.js';

// The one query the playground sends. Feature groups are switched with @include so that a
// single typed document covers every combination; text (the slow part) is deferred so the
// boxes are drawn while the words are still being read. Dense captions, people and smart crops
// come from Image Analysis 4.0 (the gateway makes one 4.0 call for all three).
export const AnalyzeImage = graphql(`
  query AnalyzeImage(
    $url: URL
    $upload: File
    $thumbWidth: Int!
    $thumbHeight: Int!
    $caption: Boolean!
    $tags: Boolean!
    $faces: Boolean!
    $objects: Boolean!
    $recognition: Boolean!
    $thumbnail: Boolean!
    $colors: Boolean!
    $text: Boolean!
    $denseCaptions: Boolean!
    $people: Boolean!
    $smartCrops: Boolean!
    $cropRatios: [Float!]
  ) {
    image(url: $url, upload: $upload) {
      id
      width
      height
      format
      caption @include(if: $caption) { text confidence }
      tags @include(if: $tags) { name confidence }
      faces @include(if: $faces) { age gender rectangle { x y width height } }
      objects @include(if: $objects) { name confidence rectangle { x y width height } }
      celebrities @include(if: $recognition) { name confidence rectangle { x y width height } }
      landmarks @include(if: $recognition) { name confidence }
      brands @include(if: $recognition) { name confidence rectangle { x y width height } }
      thumbnail(width: $thumbWidth, height: $thumbHeight) @include(if: $thumbnail) {
        width height byteSize dataUrl
      }
      areaOfInterest @include(if: $thumbnail) { x y width height }
      color @include(if: $colors) {
        dominantForeground dominantBackground dominantColors accentColor isBlackAndWhite
      }
      denseCaptions @include(if: $denseCaptions) {
        text confidence rectangle { x y width height }
      }
      people @include(if: $people) { confidence rectangle { x y width height } }
      smartCrops(aspectRatios: $cropRatios) @include(if: $smartCrops) {
        aspectRatio rectangle { x y width height }
      }
      imageType @include(if: $colors) { clipArtType clipArt isLineDrawing }
      adult @include(if: $colors) { isAdult isRacy isGory adultScore racyScore goreScore }
      ... @include(if: $text) @defer(label: "text") {
        ocr {
          language
          orientation
          words { text rectangle { x y width height } }
        }
        text {
          lines { text polygon { points { x y } } }
        }
      }
    }
  }
`);

import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema.js';
import { estimateTransactions } from './estimate-transactions.js';

const A = 'https://img.example/a.jpg';
const B = 'https://img.example/b.jpg';
const estimate = (source: string, variables: Record<string, unknown> = {}, readPageLimit = 10) =>
  estimateTransactions(schema, parse(source), { variables, readPageLimit });

describe('estimateTransactions', () => {
  it('counts one transaction per analyze feature of an image, metadata riding free', () => {
    expect(estimate(`{ image(url: "${A}") { id url } }`)).toEqual({ transactions: 0, images: 1 });
    expect(estimate(`{ image(url: "${A}") { width height format } }`)?.transactions).toBe(1);
    expect(
      estimate(`{ image(url: "${A}") { width caption { text } tags { name } faces { age } } }`)
        ?.transactions,
    ).toBe(3);
    expect(
      estimate(`{ image(url: "${A}") { landmarks { name } celebrities { name } } }`)?.transactions,
    ).toBe(2);
  });

  it('counts a URL asked through aliases, fragments and lists once, per feature', () => {
    const source = `query Q($a: URL!) {
      x: image(url: $a) { ...F }
      y: image(url: "${A}") { caption { text } ... on Image { tags { name } } }
      list: images(urls: [$a, "${B}", "${B}"]) { ...F }
    }
    fragment F on Image { caption { text } objects { name } }`;
    // a: caption, objects, tags = 3; b: caption, objects = 2
    expect(estimate(source, { a: A })).toEqual({ transactions: 5, images: 2 });
  });

  it('counts every other call per distinct arguments, and a read as its page limit', () => {
    const source = `{ image(url: "${A}") {
      t1: thumbnail(width: 64, height: 64) { byteSize }
      t2: thumbnail(width: 64, height: 64) { byteSize }
      t3: thumbnail(width: 32, height: 64) { byteSize }
      areaOfInterest { x }
      ocr { text }
      text { text }
      other: text(language: "en") { text }
      captions(max: 3) { text }
      best: captions(max: 1) { text }
    } }`;
    // 2 thumbnails + aoi + ocr + 2 reads x 4 pages + describe + Description
    expect(estimate(source, {}, 4)?.transactions).toBe(2 + 1 + 1 + 8 + 1 + 1);
  });

  it('fans out images(urls:) and counts an upload variable once however often it is used', () => {
    const urls = Array.from({ length: 40 }, (_, i) => `https://img.example/${i}.jpg`);
    const fan = `query F($u: [URL!]!) { a: images(urls: $u) { caption { text } } b: images(urls: $u) { tags { name } } }`;
    expect(estimate(fan, { u: urls })).toEqual({ transactions: 80, images: 40 });
    const upload = `query U($f: File!) { a: image(upload: $f) { caption { text } } b: image(upload: $f) { tags { name } } }`;
    expect(estimate(upload, { f: new Blob([new Uint8Array(4)]) })).toEqual({
      transactions: 2,
      images: 1,
    });
  });

  it('costs models nothing, and gives up on operations that cannot run', () => {
    expect(estimate('{ models { name } __typename }')).toEqual({ transactions: 0, images: 0 });
    expect(estimate('query Q($a: URL!) { image(url: $a) { width } }', {})).toBeUndefined();
    expect(estimate('query A { models { name } } query B { models { name } }')).toBeUndefined();
  });
});

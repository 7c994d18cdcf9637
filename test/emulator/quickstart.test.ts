// Replays the calls of Microsoft's original Python quickstart for Computer Vision v1.0 (analyze,
// domain models, thumbnail, OCR, handwriting) over HTTP against the emulator, with images
// served by URL from a loopback server and uploaded from local files, and reads each answer
// the way the quickstart code does.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type Client } from './support/emulator-client.js';
import { image, serveImages, type ImageServer } from './support/loopback.js';

let c: Client;
let images: ImageServer;
let vision_base_url: string;
let headers: Record<string, string>;
beforeAll(async () => {
  [c, images] = await Promise.all([
    startClient({ key: 'quickstart-key', allowPrivateUrls: true }),
    serveImages(),
  ]);
  vision_base_url = `${c.url}/vision/v1.0/`;
  headers = { 'Ocp-Apim-Subscription-Key': 'quickstart-key' };
});
afterAll(async () => {
  await c.close();
  await images.close();
});

// requests.post(url, headers=headers, params=params, json=data)
const postJson = (op: string, params: Record<string, string>, data: unknown): Promise<Response> =>
  fetch(`${vision_base_url}${op}?${new URLSearchParams(params)}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(data),
  });
// requests.post(url, headers={..., 'Content-Type': 'application/octet-stream'}, params=params, data=image_data)
const postFile = (op: string, params: Record<string, string>, file: string): Promise<Response> =>
  fetch(`${vision_base_url}${op}?${new URLSearchParams(params)}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array(image(file)),
  });
const raiseForStatus = (res: Response): Response => {
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res;
};

describe('Python quickstart, v1.0', () => {
  it('analyzes an image by URL: caption and dominant colours', async () => {
    const analysis = await raiseForStatus(
      await postJson(
        'analyze',
        { visualFeatures: 'Categories,Description,Color' },
        { url: `${images.url}/csdf-dog.jpg` },
      ),
    ).json();
    const image_caption: string = analysis['description']['captions'][0]['text'];
    expect(image_caption.length).toBeGreaterThan(3);
    expect(analysis['color']['dominantColors'].every((x: unknown) => typeof x === 'string')).toBe(
      true,
    );
    expect(analysis['categories'][0]['name']).toMatch(/_/);
    // answered from the pixels: a dachshund on a deck
    expect(`${image_caption} ${analysis['description']['tags'].join(' ')}`).toMatch(/\bdog\b/);
  });

  it('analyzes a local file sent as octet-stream', async () => {
    const analysis = await raiseForStatus(
      await postFile(
        'analyze',
        { visualFeatures: 'Categories,Description,Color' },
        'csdf-house.jpg',
      ),
    ).json();
    expect(typeof analysis['description']['captions'][0]['text']).toBe('string');
    expect(analysis['metadata']).toEqual({ width: 640, height: 480, format: 'Jpeg' });
    expect(typeof analysis['color']['accentColor']).toBe('string');
  });

  it('lists the domain models', async () => {
    const models = await raiseForStatus(
      await fetch(`${vision_base_url}models`, { headers }),
    ).json();
    expect(models['models'].map((m: { name: string }) => m['name'])).toEqual([
      'celebrities',
      'landmarks',
    ]);
  });

  it('recognises celebrities by URL', async () => {
    const analysis = await raiseForStatus(
      await postJson(
        'models/celebrities/analyze',
        { model: 'celebrities' },
        { url: `${images.url}/csdf-celebrities.jpg` },
      ),
    ).json();
    const celebrities = analysis['result']['celebrities'];
    expect(celebrities.length).toBeGreaterThanOrEqual(1);
    for (const celebrity of celebrities) {
      expect(celebrity['name']).toMatch(
        /^(John W\. Thompson|Satya Nadella|Bill Gates|Steve Ballmer)$/,
      );
      expect(Object.keys(celebrity['faceRectangle'])).toEqual(['left', 'top', 'width', 'height']);
    }
  });

  it('recognises a landmark by URL', async () => {
    const analysis = await raiseForStatus(
      await postJson(
        'models/landmarks/analyze',
        { model: 'landmarks' },
        { url: `${images.url}/csdf-landmark.jpg` },
      ),
    ).json();
    const landmark_name: string = analysis['result']['landmarks'][0]['name'];
    expect(landmark_name).toBe('Colosseum');
  });

  it('generates a 50x50 smart-cropped thumbnail by URL and from a file', async () => {
    for (const res of [
      await postJson(
        'generateThumbnail',
        { width: '50', height: '50', smartCropping: 'true' },
        { url: `${images.url}/skimage-astronaut.png` },
      ),
      await postFile(
        'generateThumbnail',
        { width: '50', height: '50', smartCropping: 'true' },
        'skimage-astronaut.png',
      ),
    ]) {
      raiseForStatus(res);
      // Image.open(BytesIO(response.content))
      const thumbnail = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect([thumbnail.width, thumbnail.height]).toEqual([50, 50]);
    }
  });

  it('reads printed text with /ocr: regions -> lines -> words with "x,y,w,h" boxes', async () => {
    const analysis = await raiseForStatus(
      await postJson(
        'ocr',
        { language: 'unk', detectOrientation: 'true' },
        { url: `${images.url}/tjs-testocr.png` },
      ),
    ).json();
    const line_infos = analysis['regions'].map((region: any) => region['lines']);
    const word_infos: any[] = [];
    for (const line of line_infos)
      for (const word_metadata of line)
        for (const word_info of word_metadata['words']) word_infos.push(word_info);
    expect(word_infos.length).toBeGreaterThan(30);
    for (const word of word_infos) {
      const bbox = word['boundingBox'].split(',').map((num: string) => Number.parseInt(num, 10));
      expect(bbox).toHaveLength(4);
      expect(bbox.every((n: number) => Number.isInteger(n) && n >= 0)).toBe(true);
    }
    expect(word_infos.map((w) => w['text']).join(' ')).toContain('quick brown dog');
    expect(typeof analysis['textAngle']).toBe('number');
    expect(analysis['orientation']).toBe('Up');
  });

  it('reads handwriting with RecognizeText, polling Operation-Location until it has a result', async () => {
    const response = await postJson(
      'RecognizeText',
      { handwriting: 'true' },
      { url: `${images.url}/rest-handwriting.jpg` },
    );
    expect(response.status).toBe(202);
    const operation_url = response.headers.get('Operation-Location')!;
    let analysis: any = {};
    let poll = true;
    let polls = 0;
    while (poll) {
      const response_final = await fetch(operation_url, { headers });
      analysis = await response_final.json();
      polls += 1;
      await new Promise((r) => setTimeout(r, 200)); // the quickstart sleeps 1 s
      if ('recognitionResult' in analysis) poll = false;
      if ('status' in analysis && analysis['status'] === 'Failed') poll = false;
      if (polls > 300) throw new Error('no result');
    }
    expect(polls).toBeGreaterThanOrEqual(3); // "Not Started", "Running", then "Succeeded"
    expect(analysis['status']).toBe('Succeeded');
    const polygons = analysis['recognitionResult']['lines'].map((line: any) => [
      line['boundingBox'],
      line['text'],
    ]);
    expect(polygons.length).toBeGreaterThanOrEqual(2);
    for (const [box, text] of polygons) {
      expect(box).toHaveLength(8);
      expect(box.every(Number.isInteger)).toBe(true);
      expect(typeof text).toBe('string');
    }
    expect(
      polygons
        .map((p: [number[], string]) => p[1])
        .join(' ')
        .toLowerCase(),
    ).toMatch(/quick|brown|fox|lazy|dog/);
  });

  it('accepts the same calls with the v2 RecognizeText mode and lower-case paths', async () => {
    const response = await postFile('recognizeText', { mode: 'Printed' }, 'tjs-testocr.png');
    expect(response.status).toBe(202);
    const seen = await c.poll(
      response.headers.get('operation-location')!,
      (b) => b.status === 'Succeeded' || b.status === 'Failed',
    );
    expect(seen.at(-1).status).toBe('Succeeded');
  });
});

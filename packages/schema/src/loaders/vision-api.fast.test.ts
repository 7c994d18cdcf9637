import { InvalidInputError } from '@visiongraph/core';
import { describe, expect, it } from 'vitest';
import { createVisionApiSetting } from './vision-api.js';

// What core throws for Azure's answer in a region without 4.0 captions.
const refusal = () =>
  new InvalidInputError("The feature 'Caption' is not supported in this region.", {
    code: 'NotSupportedFeature',
    status: 400,
    requestId: 'req-1',
  });

describe('what a VISION_API setting learns about 4.0 captions', () => {
  it('remembers the refusal in every mode, with its code and without its requestId', () => {
    for (const mode of ['3.2', '4.0', 'auto'] as const) {
      const setting = createVisionApiSetting(mode);
      expect(setting.captionRefusal()).toBeUndefined();
      expect(setting.learnCaptionRefusal(refusal())).toBe(true);
      const error = setting.captionRefusal();
      expect(error?.message).toBe('The vision service refused the request as invalid.');
      expect(error?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        upstreamCode: 'NotSupportedFeature',
        upstreamStatus: 400,
      });
    }
  });

  it('learns nothing from other 400s', () => {
    const setting = createVisionApiSetting('4.0');
    const other = new InvalidInputError('bad', { code: 'InvalidImageSize', status: 400 });
    expect(setting.learnCaptionRefusal(other)).toBe(false);
    expect(setting.captionRefusal()).toBeUndefined();
  });

  it('in auto mode sends only caption to v3.2 after the refusal', () => {
    const setting = createVisionApiSetting('auto');
    expect(setting.learnFrom('caption', refusal())).toBe(true);
    expect(['caption', 'tags', 'objects', 'text'].map((f) => setting.apiFor(f as 'tags'))).toEqual([
      '3.2',
      '4.0',
      '4.0',
      '4.0',
    ]);
    expect(setting.captionRefusal()?.extensions['upstreamCode']).toBe('NotSupportedFeature');
  });
});

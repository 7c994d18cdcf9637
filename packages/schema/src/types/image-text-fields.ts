import type { OcrResult, ReadResult } from '@visiongraph/core';
import { builder } from '../builder.js';
import { toOcrText } from '../convert/ocr-text.js';
import { toReadText } from '../convert/read-text.js';
import { badUserInput } from '../errors/to-graphql-error.js';
import { loadPart40, viaApi } from './dual-api.js';
import { ImageObjectRef } from './image-ref-type.js';
import { OcrTextRef, ReadingOrderRef, ReadTextRef } from './text-types.js';

// Language codes are BCP-47-like ("en", "zh-Hans", "sr-Latn"); the exact list is the upstream's call.
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function checkLanguage(value: string): void {
  if (!LANGUAGE.test(value))
    throw badUserInput('language', `"${value.slice(0, 20)}" is not a language code`);
}

builder.objectFields(ImageObjectRef, (t) => ({
  ocr: t.field({
    type: OcrTextRef,
    nullable: true,
    args: {
      language: t.arg.string({
        required: true,
        defaultValue: 'unk',
        description: 'OCR language code; "unk" detects it.',
      }),
      detectOrientation: t.arg.boolean({
        required: true,
        defaultValue: true,
        description: 'Detect and correct text orientation.',
      }),
    },
    description:
      'Printed text by the synchronous OCR operation: one call per distinct (language, detectOrientation).',
    resolve: async (image, { language, detectOrientation }, ctx) => {
      checkLanguage(language);
      const result = (await ctx.loaders.ocr.load({
        image,
        language,
        detectOrientation,
      })) as OcrResult;
      return toOcrText(result);
    },
  }),
  text: t.field({
    type: ReadTextRef,
    nullable: true,
    args: {
      language: t.arg.string({
        required: false,
        description: 'BCP-47 language code; omit to auto-detect.',
      }),
      readingOrder: t.arg({
        type: ReadingOrderRef,
        required: true,
        defaultValue: 'natural',
        description: 'Line ordering.',
      }),
    },
    description:
      "Printed and handwritten text: Read 3.2, polled to completion inside the resolver (slow: a good field to @defer), one read per distinct (language, readingOrder); or, per VISION_API and without language or basic order, Image Analysis 4.0 `read` in the image's one synchronous 4.0 call.",
    resolve: async (image, { language, readingOrder }, ctx) => {
      if (language != null) checkLanguage(language);
      const via32 = async () =>
        toReadText(
          (await ctx.loaders.read.load({
            image,
            language: language ?? undefined,
            readingOrder,
          })) as ReadResult[],
        );
      // 4.0's read has neither a language nor a reading-order option: asked for, they go to v3.2.
      if (language != null || readingOrder !== 'natural') return via32();
      return viaApi(
        ctx,
        'text',
        async () => {
          const pages = await loadPart40<ReadResult[]>(ctx, image, { kind: 'read' });
          return pages ? toReadText(pages) : null;
        },
        via32,
      );
    },
  }),
}));

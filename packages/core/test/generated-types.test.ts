import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generateImageAnalysisTypes,
  generateSpecTypes,
  IA40_OUTPUT_FILE,
  OUTPUT_FILE,
} from '../scripts/generate-types.js';

describe('src/generated/spec-types.ts', () => {
  it('is what the generator produces from spec/azure today (run `pnpm generate` if not)', () => {
    expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(generateSpecTypes());
  });

  it('has an interface per spec definition and the enum parameters as unions', () => {
    const text = generateSpecTypes();
    for (const name of [
      'ImageAnalysis',
      'ReadOperationResult',
      'ReadResult',
      'Line',
      'Word',
      'DetectedObject',
      'FaceDescription',
      'CelebritiesModel',
      'LandmarksModel',
      'AnalyzeResults',
    ]) {
      expect(text).toMatch(new RegExp(`export interface ${name} \\{`));
    }
    expect(text).toContain(
      "export type OperationStatus = 'notStarted' | 'running' | 'failed' | 'succeeded';",
    );
    expect(text).toContain("export type Details = 'Celebrities' | 'Landmarks';");
    expect(text).toMatch(
      /export type VisualFeatureTypes = 'ImageType' \| 'Faces' \| 'Adult' \| 'Categories' \| 'Color' \| 'Tags' \| 'Description' \| 'Objects' \| 'Brands';/,
    );
    // Required properties stay required; the rest are optional.
    const line = text.slice(text.indexOf('export interface Line {'));
    const block = line.slice(0, line.indexOf('\n}'));
    expect(block).toContain('\n  boundingBox: BoundingBox;');
    expect(block).toContain('\n  language?: string;');
  });
});

describe('src/generated/image-analysis-types.ts (Image Analysis 4.0)', () => {
  it('is what the generator produces from spec/azure today (run `pnpm generate` if not)', () => {
    expect(readFileSync(IA40_OUTPUT_FILE, 'utf8')).toBe(generateImageAnalysisTypes());
  });

  it('has the result types, the feature union and Azure.Core errors under legal names', () => {
    const text = generateImageAnalysisTypes();
    for (const name of [
      'ImageAnalysisResult',
      'DenseCaption',
      'DetectedPerson',
      'CropRegion',
      'AzureCoreErrorResponse',
      'AzureCoreInnerError',
    ]) {
      expect(text).toMatch(new RegExp(`export interface ${name} \\{`));
    }
    expect(text).toContain(
      "export type VisualFeatures = 'tags' | 'caption' | 'denseCaptions' | 'objects' | 'read' | 'smartCrops' | 'people';",
    );
    expect(text).not.toContain('Azure.Core');
    const result = text.slice(text.indexOf('export interface ImageAnalysisResult {'));
    const block = result.slice(0, result.indexOf('\n}'));
    expect(block).toContain('\n  metadata: ImageMetadata;');
    expect(block).toContain('\n  peopleResult?: PeopleResult;');
  });
});

import SchemaBuilder from '@pothos/core';
import type { SchemaContext } from './context.js';

/** Pothos type registry shared by every type file. */
export interface SchemaTypes {
  Context: SchemaContext;
  // Pothos makes fields nullable by default; we opt in per field, so only fields that can fail are.
  DefaultFieldNullability: false;
  Scalars: {
    URL: { Input: string; Output: string };
    File: { Input: File; Output: never };
  };
}

export const builder = new SchemaBuilder<SchemaTypes>({ defaultFieldNullability: false });

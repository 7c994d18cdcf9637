// Writes schema.graphql from the built schema. Run by `pnpm build` after tsc.
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../dist/schema.js';

const target = new URL('../schema.graphql', import.meta.url);
writeFileSync(target, `${printSchema(lexicographicSortSchema(schema))}\n`);
console.log(`wrote ${target.pathname}`);

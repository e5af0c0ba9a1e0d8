/** Business code ranges: how a code space is divided, including unused and reserved blocks. */
import { z } from 'astro/zod';
import { proseSchema, slugSchema } from './common';
import { changesSchema, sinceSchema } from './history';

/** One range of numeric codes, bounds included. */
export const rangeSchema = z
  .object({
    /** First code of the range, e.g. 7100. */
    from: z.number().int().nonnegative(),
    /** Last code of the range, included, e.g. 7199. */
    to: z.number().int().nonnegative(),
    /** Short name, e.g. "Users". */
    name: proseSchema,
    /** What the codes in this range are about. */
    meaning: proseSchema,
    /** `active` (default), `unused` (nothing assigned yet) or `reserved` (kept for later or for others). */
    state: z.enum(['active', 'unused', 'reserved']).default('active'),
    /** Version or date the range was introduced in, e.g. "2024-03" (optional). */
    since: sinceSchema,
    /** What changed in the range, version by version, oldest first (written by `error-catalog diff --record`). */
    changes: changesSchema,
  })
  .strict()
  .refine((range) => range.from <= range.to, {
    message:
      'the range ends before it starts (to is lower than from); swap the two bounds so that from is the first code, e.g. from: 7100, to: 7199',
    path: ['to'],
  });
export type RangeInput = z.input<typeof rangeSchema>;
export type RangeData = z.output<typeof rangeSchema>;

/** File schema of `catalog/ranges/*.yaml`: the ranges of one code space. */
export const rangeFileSchema = z
  .object({
    /** Id of the code space (a surface id, or a surface's `codeSpace`). */
    codeSpace: slugSchema,
    /** Display name of the code space, e.g. "Wallet Gateway and CMS Backoffice codes". */
    name: proseSchema.optional(),
    /** Where the codes appear and how to read them. */
    description: proseSchema.optional(),
    /** The ranges, in any order; they must not overlap. */
    ranges: z.array(rangeSchema).min(1),
  })
  .strict();

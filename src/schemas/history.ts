/**
 * History fields shared by the concepts that have a history (codes, statuses, envelopes, messages,
 * ranges, operations): the version an entry was introduced in and what changed in it since.
 * `error-catalog diff --record` writes both, so history is never typed by hand.
 */
import { z } from 'astro/zod';
import { proseSchema } from './common';

/** A version or date as written, e.g. "2026-11", "v3" or 3 (kept as text). */
export const versionSchema = z.union([z.string().min(1), z.number()]).transform(String);

/** Version or date an entry was introduced in, e.g. "2024-03" (optional). */
export const sinceSchema = versionSchema.optional();

/**
 * One entry of a history: a version (or date) and what changed in it. `error-catalog diff
 * --record` writes these from the diff.
 */
export const changeRecordSchema = z
  .object({
    /** Version or date of the change, e.g. "2026-11" or "v3" (the catalog's `version`). */
    version: versionSchema,
    /** What changed, in words, e.g. `status: 409 → 404`. */
    change: proseSchema,
    /** Ids of the breaking-change rules it broke (e.g. `[status-changed]`); empty when it broke none. */
    breaking: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type ChangeRecord = z.output<typeof changeRecordSchema>;

/** What changed, version by version, oldest first (written by `error-catalog diff --record`). */
export const changesSchema = z.array(changeRecordSchema).default([]);

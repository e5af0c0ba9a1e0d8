/**
 * Field paths: where a value lives inside an error body, written as data so the lookup engine can
 * decode pasted responses. Grammar: dot-separated keys; `[]` after a key means "each element of
 * this array"; a `<name>` segment means "each key of this object" (the key becomes `name`).
 * Examples: `statusCode`, `errors[].code`, `error.ownCode`, `errors.<field>[]`.
 */
import { z } from 'astro/zod';
import { fieldPathProblem } from './field-path-grammar';

// The grammar and the evaluator live in a zod-free module so browser code can import them alone.
export { evaluateFieldPath, fieldPathProblem, type FieldPathMatch } from './field-path-grammar';

/** A field path such as `errors[].code`; see the grammar above. */
export const fieldPathSchema = z.string().superRefine((path, ctx) => {
  const problem = fieldPathProblem(path);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

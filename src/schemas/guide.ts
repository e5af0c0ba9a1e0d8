/** Front matter of the long-form guides in `catalog/guides/*.mdx`. */
import { z } from 'astro/zod';

/** Guide front matter. */
export const guideSchema = z
  .object({
    /** Page title. */
    title: z.string().min(1),
    /** One-sentence summary for lists and the page description. */
    description: z.string().min(1),
    /** Sort position in the guide list; lower first. Default 0. */
    order: z.number().int().default(0),
  })
  .strict();
export type GuideData = z.output<typeof guideSchema>;

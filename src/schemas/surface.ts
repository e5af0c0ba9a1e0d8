/** A surface: one API product or surface that returns errors (a gateway, a back office…). */
import { z } from 'astro/zod';
import { proseSchema, slugSchema } from './common';

/** File schema of `catalog/surfaces/<id>.yaml`. The id is the file name. */
export const surfaceSchema = z
  .object({
    /** Display name, e.g. "Wallet Gateway". */
    name: proseSchema,
    /** What this surface is and who calls it. */
    description: proseSchema,
    /** Base URL or path prefix the surface is served from, shown for orientation (optional). */
    baseUrl: z.string().min(1).optional(),
    /** Ids of the envelopes this surface returns (files in `catalog/envelopes/`); the first is the default. */
    envelopes: z
      .array(slugSchema)
      .min(1, { message: 'name at least one envelope id, e.g. envelopes: [custom-response]' }),
    /**
     * Id of the code space this surface's business codes live in. Surfaces that share codes share a
     * space. Default: the surface's own id.
     */
    codeSpace: slugSchema.optional(),
    /** Sort position on pages; lower first. Default 0. */
    order: z.number().int().default(0),
  })
  .strict();
export type SurfaceInput = z.input<typeof surfaceSchema>;
export type SurfaceData = z.output<typeof surfaceSchema>;

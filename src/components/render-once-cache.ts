/** HTML of `<RenderOnce>` slots by cache key, for the life of the build process. */
export const renderedOnce = new Map<string, string>();

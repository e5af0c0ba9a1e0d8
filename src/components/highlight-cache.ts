/**
 * Highlighted skeleton HTML by skeleton text, for the life of the build process. The code pages
 * of one envelope share a handful of skeletons, so Shiki runs a handful of times, not once a page.
 */
export const highlightedSkeletons = new Map<string, string>();

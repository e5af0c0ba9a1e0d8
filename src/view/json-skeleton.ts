/**
 * JSON skeletons: a generated body with every leaf string and number swapped for a numbered
 * sentinel, so bodies of the same shape share one skeleton. The code pages highlight a skeleton
 * once and fill each page's values into the highlighted HTML, instead of running Shiki on every
 * one of thousands of near-identical bodies. Pure; no Astro.
 */
import type { Json } from './example-body';

const STRING_SENTINEL = /__json_v(\d+)__/g;
const NUMBER_BASE = 987_650_000;
const NUMBER_SENTINEL = /\b98765(\d{4})\b/g;

/** The skeleton text (indented JSON) of a body and the leaf values it stands for, in order. */
export function skeletonOf(body: Json): { text: string; values: Array<string | number> } {
  const values: Array<string | number> = [];
  const swap = (value: Json): Json => {
    if (typeof value === 'string') {
      values.push(value);
      return `__json_v${values.length - 1}__`;
    }
    if (typeof value === 'number') {
      values.push(value);
      return NUMBER_BASE + values.length - 1;
    }
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, swap(item)]));
    return value;
  };
  const skeleton = swap(body);
  if (values.length > 9999) throw new Error('a body with more than 9999 values cannot be skeletonised');
  return { text: JSON.stringify(skeleton, null, 2), values };
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Puts the values back into a skeleton, or into HTML made from it: a string value goes in
 * JSON-escaped (without its quotes, which the skeleton keeps) and then through `escape`, a number
 * as written. With `escape` the identity, filling the skeleton text gives the body's JSON again.
 */
export function fillSkeleton(
  text: string,
  values: ReadonlyArray<string | number>,
  escape: (text: string) => string = escapeHtml,
): string {
  return text
    .replace(STRING_SENTINEL, (whole, index: string) => {
      const value = values[Number(index)];
      return typeof value === 'string' ? escape(JSON.stringify(value).slice(1, -1)) : whole;
    })
    .replace(NUMBER_SENTINEL, (whole, index: string) => {
      const value = values[Number(index)];
      return typeof value === 'number' ? escape(String(value)) : whole;
    });
}

/**
 * Sentences built around catalog text, which may or may not end in its own punctuation: one rule
 * for every place that appends a full stop, so no page or announcement reads "not found.." or
 * "Why retry?.". Zod-free: the browser's lookup uses it too.
 */

/** Terminal punctuation, optionally followed by closing quotes or brackets: `found.`, `say "stop!"`, `(see 1101.)`. */
const ENDED = /[.!?…](?:["'”’»)\]]*)$/;

/** `text` as a finished sentence: a full stop is added only when it does not already end one. */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed || ENDED.test(trimmed)) return trimmed;
  // A trailing colon or semicolon announces more; with nothing more to come, the stop replaces it.
  return `${trimmed.replace(/[,;:]+$/, '')}.`;
}

/** Sentences or fragments joined into one paragraph, each ended once: `['Retry', 'Wait 5 s.']` → `Retry. Wait 5 s.` */
export function joinSentences(parts: ReadonlyArray<string | undefined | false>): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map(endSentence)
    .join(' ');
}

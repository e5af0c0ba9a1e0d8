/**
 * "Did you mean" for catalog problems: the nearest known name to a typo, and the nearest
 * documented codes to a code that does not exist. One rule, used by every problem message.
 */
import { editDistance } from '../lookup/text';
import { compareCodes, isNumericCode } from './codes';

/** The candidate closest to `word` by edit distance, when it is close enough to be a typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `use one of: a, b, c` or `did you mean "b"? (known: a, b, c)`, for a name that matched nothing. */
export function suggestName(word: string, candidates: readonly string[], noun = 'one of'): string {
  if (candidates.length === 0) return '';
  const near = closest(word, candidates);
  const shown = candidates.length > 12 ? `${candidates.slice(0, 12).join(', ')}…` : candidates.join(', ');
  return near ? `did you mean "${near}"? (${noun}: ${shown})` : `use ${noun}: ${shown}`;
}

/**
 * Up to `count` codes nearest to `code`: numerically for numeric codes, by spelling otherwise,
 * so "1009" suggests 1008 and 1010 rather than the first codes of the file.
 */
export function nearestCodes(code: string, known: readonly string[], count = 3): string[] {
  if (isNumericCode(code)) {
    const value = Number(code);
    return known
      .filter(isNumericCode)
      .sort((a, b) => Math.abs(Number(a) - value) - Math.abs(Number(b) - value) || compareCodes(a, b))
      .slice(0, count)
      .sort(compareCodes);
  }
  const distance = (candidate: string) => editDistance(code, candidate, 64);
  return [...known].sort((a, b) => distance(a) - distance(b) || compareCodes(a, b)).slice(0, count);
}

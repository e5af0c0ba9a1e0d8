/**
 * Finds the messages a free text is about: candidates come from the word index (rarest words
 * first, the last word completed as a prefix while the user is still typing), then the best few are
 * checked against their templates, which also reads the placeholder values out of the text.
 */
import type { IndexReader, Posting } from './index-reader';
import type { LookupRecord } from './index-format';
import { distinctWords, matchTemplate, normaliseText, templateParts } from './text';

export interface TextHit {
  record: LookupRecord;
  position: number;
  /** 0–100. */
  score: number;
  matchedBy: string;
  values?: Record<string, string>;
  /** True when the whole text is this message (its template with values filled in). */
  whole: boolean;
}

export interface TextSearchOptions {
  /** How many candidates are checked against their records (each may cost a shard fetch). */
  verify?: number;
  /** Treat the last word as unfinished: also match words that start with it. */
  partialLastWord?: boolean;
}

/** Query words used to find candidates; the rest only count when candidates are checked. */
const MAX_CANDIDATE_WORDS = 12;
const MAX_QUERY_WORDS = 48;
const MAX_PREFIX_WORDS = 24;

interface QueryWord {
  word: string;
  postings: Posting[];
  /** Weight of the word: rare words say more. */
  idf: number;
}

/** The words a record is found by (the same as the index builder's). */
function recordText(record: LookupRecord): string {
  const literals = templateParts(record.message).literals.join(' ');
  return record.t === 'c' ? `${literals} ${record.title} ${record.name ?? ''} ${(record.tags ?? []).join(' ')}` : literals;
}

export function searchText(reader: IndexReader, text: string, options: TextSearchOptions = {}): TextHit[] {
  const queryWords = distinctWords(text, MAX_QUERY_WORDS);
  if (!queryWords.length) return [];
  const total = Math.max(1, reader.core.counts.records);
  const idf = (count: number) => Math.log(1 + total / Math.max(1, count));

  const found: QueryWord[] = [];
  let loaded = true;
  queryWords.forEach((word, index) => {
    const postings = reader.postings(word);
    if (!postings) {
      loaded = false;
      return;
    }
    const last = index === queryWords.length - 1;
    if (last && options.partialLastWord && word.length >= 3) {
      // The word being typed: its completions count too, a little less than the word itself.
      const seen = new Set(postings.map((posting) => posting.position));
      const merged = [...postings];
      for (const completion of reader.wordsWithPrefix(word, MAX_PREFIX_WORDS)) {
        for (const posting of reader.postings(completion) ?? []) {
          if (!seen.has(posting.position)) {
            seen.add(posting.position);
            merged.push(posting);
          }
        }
      }
      if (merged.length) found.push({ word, postings: merged, idf: idf(merged.length) * 0.9 });
      return;
    }
    if (postings.length) found.push({ word, postings, idf: idf(postings.length) });
  });
  if (!loaded || !found.length) return [];

  // Rarest words find the candidates; a word in more than half the records only helps when few others matched.
  const ranked = [...found].sort((a, b) => a.postings.length - b.postings.length);
  const selective = ranked.filter((word, index) => index < 2 || word.postings.length <= total / 2).slice(0, MAX_CANDIDATE_WORDS);
  const weightAll = queryWords.length ? ranked.reduce((sum, word) => sum + word.idf, 0) + (queryWords.length - found.length) * idf(1) : 1;
  const scores = new Map<number, { sum: number; matched: number; length: number }>();
  for (const word of selective) {
    for (const posting of word.postings) {
      const entry = scores.get(posting.position);
      if (entry) {
        entry.sum += word.idf;
        entry.matched += 1;
      } else scores.set(posting.position, { sum: word.idf, matched: 1, length: Math.max(1, posting.length) });
    }
  }
  const verify = options.verify ?? 8;
  const candidates = [...scores.entries()]
    .map(([position, entry]) => ({ position, prelim: (entry.sum / weightAll) * 0.75 + Math.min(1, entry.matched / entry.length) * 0.25 }))
    .sort((a, b) => b.prelim - a.prelim || a.position - b.position)
    .slice(0, verify);

  const normalisedQuery = normaliseText(text);
  const querySet = new Set(queryWords);
  const weightOf = new Map(found.map((word) => [word.word, word.idf]));
  // Words the index does not know are mostly values (ids, amounts) or typos: they weigh little,
  // and those with digits least.
  const unknownWeight = idf(1) * 0.35;
  const weight = (word: string) => weightOf.get(word) ?? (/\d/.test(word) ? idf(1) * 0.1 : unknownWeight);
  const queryWeight = queryWords.reduce((sum, word) => sum + weight(word), 0) || 1;
  const hits: TextHit[] = [];
  for (const { position } of candidates) {
    const record = reader.record(position);
    if (!record) continue;
    const match = matchTemplate(record.message, text);
    if (match) {
      const whole = match.coverage >= 0.8;
      hits.push({ record, position, score: whole ? 92 : 70 + 20 * match.coverage, matchedBy: whole ? 'message template' : 'message template inside the text', values: match.values, whole });
      continue;
    }
    const words = new Set(distinctWords(recordText(record), 200));
    // Coverage of the query is weighted by rarity, and words the index does not know at all
    // (ids, values, typos) weigh half: "customer cus_1029 not found" is mostly about 1101.
    let shared = 0;
    let sharedWeight = 0;
    for (const word of querySet) {
      if (!words.has(word)) continue;
      shared += 1;
      sharedWeight += weightOf.get(word) ?? 0;
    }
    // The unfinished last word counts when it starts a word of the record.
    const last = queryWords[queryWords.length - 1]!;
    if (options.partialLastWord && !words.has(last) && last.length >= 2 && [...words].some((word) => word.startsWith(last))) {
      shared += 1;
      sharedWeight += weight(last);
    }
    const queryCoverage = sharedWeight / queryWeight;
    const recordCoverage = shared / Math.max(1, words.size);
    if (queryCoverage < 0.5 && recordCoverage < 0.75) continue;
    const phrase = normalisedQuery.includes(' ') && normaliseText(recordText(record)).includes(normalisedQuery);
    const score = Math.min(89, 25 + 45 * queryCoverage + 15 * recordCoverage + (phrase ? 8 : 0));
    hits.push({ record, position, score, matchedBy: phrase ? 'part of the message' : 'words of the message', whole: false });
  }
  return hits.sort((a, b) => b.score - a.score || a.position - b.position);
}

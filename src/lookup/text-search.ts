/**
 * Finds the messages a free text is about: candidates come from the word index (rarest words
 * first, the last word completed as a prefix while the user is still typing), then the best few are
 * checked against their templates, which also reads the placeholder values out of the text.
 */
import { forEachPosting, type IndexReader } from './index-reader';
import { SCORE } from './scores';
import { MAX_TEMPLATE_TEXT, distinctWords, matchTemplate, normaliseText, templateParts } from './text';

/** A record whose message the text is (or is about). Its full record may still have to be fetched. */
export interface TextHit {
  position: number;
  /** 0–100. */
  score: number;
  matchedBy: string;
  values?: Record<string, string>;
  /** True when the whole text is this message (its template with values filled in). */
  whole: boolean;
}

export interface TextSearchOptions {
  /** How many candidates are checked against their templates (text shards hold many each). */
  verify?: number;
  /** Treat the last word as unfinished: also match words that start with it. */
  partialLastWord?: boolean;
  /** Find candidates by rare words only (default: when the text has two or more). */
  rareWordsOnly?: boolean;
}

/** Query words used to find candidates; the rest only count when candidates are checked. */
const MAX_CANDIDATE_WORDS = 10;
/** Frequent words fetched even when the rare ones are many. */
const MAX_FREQUENT_WORDS = 3;
const MAX_QUERY_WORDS = 48;
const MAX_PREFIX_WORDS = 24;

interface QueryWord {
  word: string;
  /** Packed postings; several lists for an unfinished word and its completions. */
  lists: ReadonlyArray<readonly number[]>;
  /** How many records hold it. */
  count: number;
  /** Weight of the word: rare words say more. */
  idf: number;
}

/** The words a record is found by (the same as the index builder's), from its text entry. */
function recordText(entry: { message: string; otherWords: string }): string {
  return `${templateParts(entry.message).literals.join(' ')} ${entry.otherWords}`;
}

export function searchText(reader: IndexReader, text: string, options: TextSearchOptions = {}): TextHit[] {
  const queryWords = distinctWords(text, MAX_QUERY_WORDS);
  if (!queryWords.length) return [];
  const total = Math.max(1, reader.core.counts.records);
  const idf = (count: number) => Math.log(1 + total / Math.max(1, count));

  // Rare words decide most queries alone; frequent words (their counts are in the core shard)
  // are fetched only when the rare ones do not settle the answer. Common words have no postings.
  const rare = queryWords.filter((word) => !reader.isCommonWord(word) && reader.frequentCount(word) === undefined);
  const rareOnly = options.rareWordsOnly ?? false;
  // Of the frequent words, the rarest few are enough to rank candidates: the most frequent ones
  // cost the largest shards and tell records apart the least.
  const frequent = queryWords
    .filter((word) => !reader.isCommonWord(word) && reader.frequentCount(word) !== undefined)
    .sort((a, b) => reader.frequentCount(a)! - reader.frequentCount(b)!);
  const frequentUsed = new Set(
    rareOnly ? [] : frequent.slice(0, Math.max(MAX_FREQUENT_WORDS, MAX_CANDIDATE_WORDS - rare.length)),
  );
  const found: QueryWord[] = [];
  let loaded = true;
  queryWords.forEach((word, index) => {
    if (reader.isCommonWord(word)) return;
    if (reader.frequentCount(word) !== undefined && !frequentUsed.has(word)) return;
    const postings = reader.postings(word);
    if (!postings) {
      loaded = false;
      return;
    }
    const lists: Array<readonly number[]> = postings.length ? [postings] : [];
    let count = postings.length;
    if (index === queryWords.length - 1 && options.partialLastWord && word.length >= 3) {
      // The word being typed: its completions count too (a record may be counted twice; the
      // weight is only a ranking hint, checked against the record below).
      for (const completion of reader.wordsWithPrefix(word, MAX_PREFIX_WORDS)) {
        const more = reader.postings(completion) ?? [];
        if (more.length) lists.push(more);
        count += more.length;
      }
    }
    if (count) found.push({ word, lists, count, idf: idf(count) });
  });
  if (!loaded) return [];
  if (!found.length)
    return rareOnly && !options.rareWordsOnly ? searchText(reader, text, { ...options, rareWordsOnly: false }) : [];

  // The rarest words find the candidates; each adds its weight to the records that hold it.
  const selective = [...found].sort((a, b) => a.count - b.count).slice(0, MAX_CANDIDATE_WORDS);
  const sums = new Float64Array(total);
  const matched = new Uint8Array(total);
  const lengths = new Uint8Array(total);
  const touched: number[] = [];
  for (const word of selective) {
    for (const list of word.lists) {
      forEachPosting(list, (position, length) => {
        if (position >= total) return;
        if (matched[position] === 0) touched.push(position);
        sums[position] = sums[position]! + word.idf;
        matched[position] = Math.min(255, matched[position]! + 1);
        lengths[position] = length;
      });
    }
  }
  const weightAll = selective.reduce((sum, word) => sum + word.idf, 0) || 1;
  const verify = options.verify ?? 6;
  const prelim = (position: number) =>
    (sums[position]! / weightAll) * 0.75 + Math.min(1, matched[position]! / Math.max(1, lengths[position]!)) * 0.25;
  const candidates = touched
    .map((position) => ({ position, score: prelim(position) }))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, verify);

  const normalisedQuery = normaliseText(text.slice(0, MAX_TEMPLATE_TEXT));
  const querySet = new Set(queryWords);
  const weightOf = new Map(found.map((word) => [word.word, word.idf]));
  // Common and frequent words left out of the candidate search weigh by their known counts.
  for (const word of queryWords) {
    if (reader.isCommonWord(word)) weightOf.set(word, idf(total));
    else if (!weightOf.has(word) && reader.frequentCount(word) !== undefined)
      weightOf.set(word, idf(reader.frequentCount(word)!));
  }
  // Words the index does not know are mostly values (ids, amounts) or typos: they weigh little,
  // and those with digits least.
  const unknownWeight = idf(1) * 0.35;
  const weight = (word: string) => weightOf.get(word) ?? (/\d/.test(word) ? idf(1) * 0.1 : unknownWeight);
  const queryWeight = queryWords.reduce((sum, word) => sum + weight(word), 0) || 1;
  const hits: TextHit[] = [];
  for (const { position } of candidates) {
    const record = reader.text(position);
    if (!record) continue;
    const match = matchTemplate(record.message, text);
    if (match) {
      const whole = match.coverage >= 0.8;
      const score =
        (whole ? SCORE.wholeTemplate : SCORE.templateInText + SCORE.templateCoverage * match.coverage) +
        SCORE.templateLiteralShare * match.literalShare;
      hits.push({
        position,
        score,
        matchedBy: whole ? 'message template' : 'message template inside the text',
        values: match.values,
        whole,
      });
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
    if (
      options.partialLastWord &&
      !words.has(last) &&
      last.length >= 2 &&
      [...words].some((word) => word.startsWith(last))
    ) {
      shared += 1;
      sharedWeight += weight(last);
    }
    const queryCoverage = sharedWeight / queryWeight;
    const recordCoverage = shared / Math.max(1, words.size);
    if (queryCoverage < 0.5 && recordCoverage < 0.75) continue;
    const phrase = normalisedQuery.includes(' ') && normaliseText(recordText(record)).includes(normalisedQuery);
    const score = Math.min(
      SCORE.sharedWordsCeiling,
      SCORE.sharedWords +
        SCORE.sharedWordsOfText * queryCoverage +
        SCORE.sharedWordsOfMessage * recordCoverage +
        (phrase ? SCORE.sharedPhrase : 0),
    );
    hits.push({ position, score, matchedBy: phrase ? 'part of the message' : 'words of the message', whole: false });
  }
  hits.sort((a, b) => b.score - a.score || a.position - b.position);
  // Settled when a template is the whole text with one-word values; a value of several words may
  // be the tail of a longer template ("… expired at {expiredAt}" versus "… expired at {expiredAt}
  // while deleting"). Otherwise the frequent words help find candidates (another fetch).
  const settled = hits.some((hit) => hit.whole && !Object.values(hit.values ?? {}).some((value) => /\s/.test(value)));
  if (
    rareOnly &&
    !options.rareWordsOnly &&
    !settled &&
    [...querySet].some((word) => reader.frequentCount(word) !== undefined)
  ) {
    const wider = searchText(reader, text, { ...options, rareWordsOnly: false });
    if (wider.length || reader.missing.size) return mergeHits(hits, wider);
  }
  return hits;
}

/** Hits of two searches, each record once with its better score. */
function mergeHits(first: TextHit[], second: TextHit[]): TextHit[] {
  const byPosition = new Map<number, TextHit>();
  for (const hit of [...first, ...second]) {
    const existing = byPosition.get(hit.position);
    if (!existing || hit.score > existing.score) byPosition.set(hit.position, hit);
  }
  return [...byPosition.values()].sort((a, b) => b.score - a.score || a.position - b.position);
}

/**
 * The hits worth showing: when the text is a whole message, only the near-equals of the best one;
 * otherwise the best few. Each shown hit costs its full record.
 */
export function shownHits(hits: readonly TextHit[], max: number): TextHit[] {
  const best = hits[0];
  if (!best) return [];
  const floor = best.score - (best.whole ? SCORE.templateHitsWithin : SCORE.wordHitsWithin);
  return hits.filter((hit) => hit.score >= floor).slice(0, max);
}

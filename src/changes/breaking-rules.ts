/**
 * The breaking-change rules of `error-catalog diff`: a change a client that branches on the
 * catalog's codes, statuses, messages or bodies would notice. Each rule has a short id (stable:
 * CI logs and README anchors use it), a one-line summary, and a finder that says, in words, how a
 * change breaks it. The README's "Breaking-change rules" section explains each one.
 */
import type { Catalog, Code } from '../catalog/model';
import { placeholderNames } from '../catalog/placeholders';
import type { RetryAdvice } from '../schemas/retry';
import type { ChangeKind, Concept, FieldChange } from './diff-catalogs';

export const BREAKING_RULES = {
  'code-removed': 'a code is gone, and no code names it under `formerly`',
  'code-renumbered':
    'a code has a new number or code space, and the new code does not name the old one under `formerly`',
  'status-changed': 'a code comes with another HTTP status',
  'placeholder-removed': 'a placeholder is gone from a message template',
  'placeholder-renamed': 'a placeholder of a message template has another name',
  'envelope-field-moved': 'a part of an error body (code, message, status…) is at another field path, or at none',
  'range-shrunk': 'a range shrank or went, so a code it held falls out of it',
  'retry-stricter':
    'retry advice allows less than before: `never` instead of a retry, fewer methods, fewer attempts, a longer first delay',
} as const;
export type BreakingRuleId = keyof typeof BREAKING_RULES;

export interface BreakingFinding {
  rule: BreakingRuleId;
  /** What broke, in words, with what to do when there is a fix. */
  message: string;
}

/** What a rule sees of one change. */
interface ChangeView {
  concept: Concept;
  kind: ChangeKind;
  key: string;
  label: string;
  fields: FieldChange[];
}

interface RuleContext {
  before: Catalog;
  after: Catalog;
  /** Lookups over both sides, built once per diff (`indexSides`). */
  index: SidesIndex;
  oldData: Record<string, unknown>;
  newData: Record<string, unknown>;
}

/** Codes and statuses of both sides by key, so each rule looks an entry up at once. */
export interface SidesIndex {
  oldCodes: Map<string, Code>;
  newCodes: Map<string, Code>;
  oldStatuses: Map<string, RetryAdvice>;
  newStatuses: Map<string, RetryAdvice>;
  /** Codes only the new side has, by `name:<name>` and by `title:<title>`. */
  addedByName: Map<string, Code[]>;
}

export function indexSides(before: Catalog, after: Catalog): SidesIndex {
  const statuses = (catalog: Catalog) =>
    new Map(catalog.statuses.map((status) => [String(status.status), status.retry]));
  const oldCodes = new Map(before.codes.map((code) => [code.key, code]));
  const addedByName = new Map<string, Code[]>();
  for (const code of after.codes) {
    if (oldCodes.has(code.key)) continue;
    for (const key of [code.name && `name:${code.name}`, code.title !== undefined && `title:${code.title}`])
      if (key) addedByName.set(key, [...(addedByName.get(key) ?? []), code]);
  }
  return {
    oldCodes,
    addedByName,
    newCodes: new Map(after.codes.map((code) => [code.key, code])),
    oldStatuses: statuses(before),
    newStatuses: statuses(after),
  };
}

/** Every breaking-change rule the change breaks. */
export function breakingFindings(change: ChangeView, context: RuleContext): BreakingFinding[] {
  return [
    ...codeGone(change, context),
    ...statusChanged(change),
    ...placeholders(change, context),
    ...envelopeFields(change),
    ...rangeShrunk(change, context),
    ...retryStricter(change, context),
  ];
}

function codeGone(change: ChangeView, { index }: RuleContext): BreakingFinding[] {
  if (change.concept !== 'code' || change.kind !== 'removed') return [];
  const old = index.oldCodes.get(change.key);
  const successor = old && successorOf(old, index);
  if (successor)
    return [
      {
        rule: 'code-renumbered',
        message:
          `${change.label} is now ${successor.key} (same ${old.name ? 'name' : 'title'}), without \`formerly\`: ` +
          `clients that match ${change.key} miss it; add formerly: ["${change.key}"] to ${successor.key}, or keep the old number`,
      },
    ];
  return [
    {
      rule: 'code-removed',
      message:
        `${change.label} was removed: clients that match it no longer get it; ` +
        'deprecate it instead (deprecated: { since, replacedBy }), or name it under `formerly` of the code that replaces it',
    },
  ];
}

/**
 * A new code with the removed code's name (or, without a name, its title) that did not exist
 * before: its renumbering, in the same space or another. The same space first.
 */
function successorOf(old: Code, index: SidesIndex): Code | undefined {
  const candidates = index.addedByName.get(old.name ? `name:${old.name}` : `title:${old.title ?? ''}`) ?? [];
  if (!old.name && old.title === undefined) return undefined;
  return candidates.find((code) => code.codeSpace === old.codeSpace) ?? candidates[0];
}

function statusChanged(change: ChangeView): BreakingFinding[] {
  if (change.concept !== 'code') return [];
  const status = change.fields.find((field) => field.field === 'status');
  if (!status) return [];
  return [
    {
      rule: 'status-changed',
      message: `${change.label} now comes with HTTP status ${String(status.after)} instead of ${String(status.before)}: clients that branch on the status handle it differently`,
    },
  ];
}

function placeholders(change: ChangeView, { oldData, newData }: RuleContext): BreakingFinding[] {
  if (
    (change.concept !== 'code' && change.concept !== 'message') ||
    change.kind === 'added' ||
    change.kind === 'removed'
  )
    return [];
  if (!change.fields.some((field) => field.field === 'message')) return [];
  const oldNames = placeholderNames(String(oldData['message']));
  const newNames = placeholderNames(String(newData['message']));
  const removed = oldNames.filter((name) => !newNames.includes(name));
  const added = newNames.filter((name) => !oldNames.includes(name));
  if (removed.length === 0) return [];
  // As many gone as new: read them as renamed, in order.
  if (added.length === removed.length)
    return removed.map((name, index) => ({
      rule: 'placeholder-renamed' as const,
      message: `${change.label}: placeholder {${name}} is now {${added[index]!}}: clients that read {${name}} from the message's values find nothing`,
    }));
  return removed.map((name) => ({
    rule: 'placeholder-removed' as const,
    message: `${change.label}: placeholder {${name}} was removed from the message: clients that read it find nothing`,
  }));
}

function envelopeFields(change: ChangeView): BreakingFinding[] {
  if (change.concept !== 'envelope' || change.kind === 'added' || change.kind === 'removed') return [];
  return change.fields
    .filter((field) => field.field.startsWith('fields.') && field.before !== undefined)
    .map((field) => {
      const part = field.field.slice('fields.'.length);
      return {
        rule: 'envelope-field-moved' as const,
        message:
          field.after === undefined
            ? `envelope ${change.label}: the ${part} is no longer at ${String(field.before)}: clients that read it there find nothing`
            : `envelope ${change.label}: the ${part} moved from ${String(field.before)} to ${String(field.after)}: clients that read ${String(field.before)} find nothing`,
      };
    });
}

function rangeShrunk(change: ChangeView, { before, after, newData }: RuleContext): BreakingFinding[] {
  if (change.concept !== 'range' || change.kind === 'added') return [];
  const [space, ...rest] = change.key.split(':');
  const name = rest.join(':');
  const oldRange = before.codeSpaces.find((s) => s.id === space)?.ranges.find((range) => range.name === name);
  if (!oldRange) return [];
  const removed = change.kind === 'removed';
  const from = Number(newData['from']);
  const to = Number(newData['to']);
  const stillThere = new Map(after.codes.filter((code) => code.codeSpace === space).map((code) => [code.key, code]));
  const out = oldRange.codes
    .map((key) => stillThere.get(key))
    .filter((code): code is Code => code !== undefined)
    // A removed range whose bounds another range now has (a rename) loses no code.
    .filter((code) => (removed ? code.range !== oldRange.slug : Number(code.code) < from || Number(code.code) > to));
  if (out.length === 0) return [];
  const list = out.map((code) => code.code).join(', ');
  const what = removed ? 'was removed' : `shrank from ${oldRange.from}-${oldRange.to} to ${from}-${to}`;
  return [
    {
      rule: 'range-shrunk',
      message: `range ${space} ${oldRange.from}-${oldRange.to} (${name}) ${what}: code${out.length === 1 ? '' : 's'} ${list} ${out.length === 1 ? 'falls' : 'fall'} out of it; clients that map ranges to handling lose ${out.length === 1 ? 'it' : 'them'}`,
    },
  ];
}

const RETRYING = new Set(['backoff', 'retry-after', 'reauthenticate']);
const DEFAULT_IDEMPOTENT = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];

function retryStricter(change: ChangeView, { before, after, index }: RuleContext): BreakingFinding[] {
  if (
    (change.concept !== 'code' && change.concept !== 'status') ||
    change.kind === 'added' ||
    change.kind === 'removed'
  )
    return [];
  if (!change.fields.some((field) => field.field === 'retry' || field.field.startsWith('retry.'))) return [];
  const old = change.concept === 'code' ? index.oldCodes.get(change.key)?.retry : index.oldStatuses.get(change.key);
  const next = change.concept === 'code' ? index.newCodes.get(change.key)?.retry : index.newStatuses.get(change.key);
  if (!old || !next) return [];
  const reasons: string[] = [];
  if (RETRYING.has(old.policy) && next.policy === 'never') reasons.push(`policy ${old.policy} is now never`);
  else if (RETRYING.has(old.policy)) {
    const oldMethods = methodsOf(old, before);
    const newMethods = methodsOf(next, after);
    const lost = oldMethods.filter((method) => !newMethods.includes(method));
    if (lost.length > 0) reasons.push(`${lost.join(', ')} may no longer be retried`);
    const oldMax = old.backoff?.maxAttempts;
    const newMax = next.backoff?.maxAttempts;
    if (newMax !== undefined && (oldMax === undefined || newMax < oldMax))
      reasons.push(`at most ${newMax} attempts instead of ${oldMax ?? 'no fixed limit'}`);
    const oldInitial = old.backoff?.initialMs;
    const newInitial = next.backoff?.initialMs;
    if (oldInitial !== undefined && newInitial !== undefined && newInitial > oldInitial)
      reasons.push(`the first retry waits ${newInitial} ms instead of ${oldInitial} ms`);
  }
  if (reasons.length === 0) return [];
  const what = change.concept === 'status' ? `status ${change.label}` : change.label;
  return [
    {
      rule: 'retry-stricter',
      message: `${what}: retry advice is stricter: ${reasons.join('; ')}; clients that follow the old advice retry where they should not`,
    },
  ];
}

/** The methods a retry rule lets the client retry. */
function methodsOf(advice: RetryAdvice, catalog: Catalog): string[] {
  if (advice.methods === 'all') return ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'POST', 'PATCH'];
  if (advice.methods === 'idempotent') return catalog.api.retryPolicy?.idempotentMethods ?? DEFAULT_IDEMPOTENT;
  return advice.methods;
}

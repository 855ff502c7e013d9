import type { z } from 'zod';
import { useOneOf } from './suggest';

/** A problem in a JSON file someone wrote: where it is, what is wrong, and what would fix it. */
export interface PlainIssue {
  /** JSON path such as figures[3].population. */
  path: string;
  /** What the place is, when the path alone does not say (figure "referrals.total"). */
  context: string | null;
  problem: string;
  fix: string | null;
}

/** A check's suggested fix travels in a custom issue's params, so cross-reference checks say what to do too. */
export const fixParam = (fix: string | undefined) => (fix ? { params: { fix } } : {});

/** Turns zod's issues into plain language: the JSON path, what is wrong, and what would fix it. */
export function plainIssues(issues: readonly z.core.$ZodIssue[], data?: unknown): PlainIssue[] {
  return issues.map((issue) => {
    const value = valueAt(data, issue.path);
    const { problem, fix } = explain(issue, value, data === undefined);
    return { path: formatPath(issue.path), context: contextOf(data, issue.path), problem, fix };
  });
}

/** One line per issue ("  - path: problem (context)"), with its fix on the next line. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], data?: unknown): string {
  return plainIssues(issues, data)
    .map((i) => `  - ${i.path ? `${i.path}: ` : ''}${i.problem}${i.context ? ` (${i.context})` : ''}${i.fix ? `\n    Fix: ${i.fix}` : ''}`)
    .join('\n');
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text in quotes',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list in [ ]',
  object: 'an object in { }',
  record: 'an object in { }',
  null: 'null',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const shown = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

function explain(issue: z.core.$ZodIssue, value: unknown, valueUnknown: boolean): { problem: string; fix: string | null } {
  // Without the data, the value cannot be quoted: zod's own sentence says what is wrong.
  if (valueUnknown && issue.code !== 'custom' && issue.code !== 'unrecognized_keys') return { problem: issue.message, fix: null };
  const last = issue.path[issue.path.length - 1];
  const name = typeof last === 'string' ? `"${last}"` : 'this entry';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (value === undefined) return { problem: `${name} is missing`, fix: `Add ${name}: ${expected}.` };
      return { problem: `${shown(value)} is ${TYPE_NAMES[typeOf(value)] ?? typeOf(value)}, but ${expected} is needed here`, fix: `Write ${expected} here.` };
    }
    case 'too_small':
      if (issue.origin === 'array') return { problem: `the list has ${Array.isArray(value) ? value.length : 'too few'} entries; it needs at least ${issue.minimum}`, fix: `Add ${issue.minimum === 1 ? 'an entry' : 'entries'} to the list.` };
      if (issue.origin === 'string') return { problem: 'the text is empty', fix: 'Write the text, or remove the entry if it is optional.' };
      return { problem: `${shown(value)} is too small: the least allowed is ${issue.minimum}`, fix: `Use a number of ${issue.minimum} or more.` };
    case 'too_big':
      if (issue.origin === 'array') return { problem: `the list has too many entries: at most ${issue.maximum}`, fix: `Keep ${issue.maximum} entries or fewer.` };
      if (issue.origin === 'string') return { problem: `the text is longer than ${issue.maximum} characters`, fix: `Shorten it to ${issue.maximum} characters or fewer.` };
      return { problem: `${shown(value)} is too large: the most allowed is ${issue.maximum}`, fix: `Use a number of ${issue.maximum} or less.` };
    case 'invalid_format':
      return { problem: `${issue.message} (not ${shown(value)})`, fix: typeof value === 'string' ? suggestedId(value) : null };
    case 'invalid_value': {
      const options = issue.values.map(String);
      return { problem: `${shown(value)} is not allowed here`, fix: useOneOf(String(value), options, 'allowed values') };
    }
    case 'invalid_union': {
      const union = issue as { discriminator?: string; options?: unknown[] };
      if (union.discriminator && union.options)
        return { problem: value === undefined ? `${name} is missing` : `${shown(value)} is not a known ${union.discriminator}`, fix: useOneOf(String(value ?? ''), union.options.map(String), `${union.discriminator}s`) };
      return { problem: `${shown(value)} is not in any of the accepted forms`, fix: null };
    }
    case 'unrecognized_keys':
      return {
        problem: `${issue.keys.length === 1 ? 'the key' : 'the keys'} ${issue.keys.map((k) => `"${k}"`).join(', ')} ${issue.keys.length === 1 ? 'is' : 'are'} not known here and would be ignored`,
        fix: 'Remove it, or correct its spelling (keys are case-sensitive).',
      };
    case 'invalid_key':
      return { problem: `a key of this object is not allowed: ${issue.issues.map((i) => i.message).join('; ')}`, fix: null };
    case 'custom': {
      const fix = (issue.params as { fix?: unknown } | undefined)?.fix;
      return { problem: issue.message, fix: typeof fix === 'string' ? fix : null };
    }
    default:
      return { problem: issue.message, fix: null };
  }
}

/** For an id written with capitals or spaces, the id it was probably meant to be. */
function suggestedId(value: string): string | null {
  const id = value.trim().toLowerCase().replace(/[^a-z0-9_.<>]+/g, '_').replace(/^_+|_+$/g, '');
  return id && id !== value ? `Write it as "${id}".` : null;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at = data;
  for (const part of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[part];
  }
  return at;
}

/** The innermost entry along the path that has an id or key, so "figures[40]" reads as the figure it is. */
function contextOf(data: unknown, path: readonly PropertyKey[]): string | null {
  for (let end = path.length; end > 0; end--) {
    const entry = valueAt(data, path.slice(0, end));
    if (typeof path[end - 1] !== 'number' || entry === null || typeof entry !== 'object') continue;
    const { id, key } = entry as { id?: unknown; key?: unknown };
    const named = typeof id === 'string' ? id : typeof key === 'string' ? key : null;
    if (named === null) continue;
    const parent = path[end - 2];
    const what = typeof parent === 'string' ? KIND_OF_ENTRY[parent] ?? 'entry' : 'entry';
    return `${what} "${named}"`;
  }
  return null;
}

const KIND_OF_ENTRY: Record<string, string> = {
  figures: 'figure',
  columns: 'column',
  rules: 'rule',
  sections: 'section',
  items: 'category',
  lists: 'list',
  narratives: 'narrative',
  rowChecks: 'row check',
  profiles: 'profile',
  targets: 'target',
};

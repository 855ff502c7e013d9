import { z } from 'zod';
import { describeIssues, fixParam } from '../../frameworks/plainIssues';
import type { CategoryList, Framework } from '../../frameworks/schema';
import { useOneOf } from '../../frameworks/suggest';
import { InputError } from '../../errors';
import { matchKey } from '../cases/textKey';

/**
 * A provider's own spellings of category values, kept beside the export (`--values FILE.json`) so the framework
 * need not be edited: category list id → { spelling in the export: category id }, e.g.
 * `{"crime": {"Blackmail": "fraud"}, "source": {"Walk-in": "self"}}`; or a yes/no column's key → { its answer in
 * the export: yes or no }, e.g. `{"accepted": {"Took up offer": "yes"}}`.
 */
export const valueSpellingsSchema = z.record(z.string().min(1), z.record(z.string().min(1), z.string().min(1)));
export type ValueSpellings = z.infer<typeof valueSpellingsSchema>;

/**
 * Checks a values file against the framework: every list and category it names exists, and no spelling already
 * means something else there (a values file adds spellings; it cannot change what the framework's own mean).
 */
export function parseValueSpellings(data: unknown, source: string, framework: Framework): ValueSpellings {
  const parsed = valueSpellingsSchema.superRefine((spellings, ctx) => checkAgainst(spellings, framework, ctx)).safeParse(data);
  if (parsed.success) return parsed.data;
  throw new InputError(
    `The value spellings in ${source} do not fit the ${framework.title}:\n${describeIssues(parsed.error.issues, data)}\nA values file looks like {"crime": {"Blackmail": "fraud"}}: a category list's id, then each spelling in your export and the category id it means.`,
  );
}

/**
 * The framework with the spellings added to its categories' synonyms and its yes/no columns' answers, so the
 * import reads them like its own.
 */
export function withValueSpellings(framework: Framework, spellings: ValueSpellings): Framework {
  const categories: Record<string, CategoryList> = { ...framework.categories };
  const columns = framework.columns.map((column) => {
    const bySpelling = column.type === 'flag' && !categories[column.key] ? spellings[column.key] : undefined;
    if (column.type !== 'flag' || !bySpelling) return column;
    const given = (value: 'yes' | 'no') => Object.entries(bySpelling).filter(([, meaning]) => meaning === value).map(([spelling]) => spelling);
    return { ...column, answers: { yes: [...(column.answers?.yes ?? []), ...given('yes')], no: [...(column.answers?.no ?? []), ...given('no')] } };
  });
  for (const [listId, bySpelling] of Object.entries(spellings)) {
    const list = categories[listId];
    if (!list) continue;
    categories[listId] = {
      ...list,
      items: list.items.map((item) => {
        const added = Object.entries(bySpelling).filter(([, id]) => id === item.id).map(([spelling]) => spelling);
        return added.length ? { ...item, synonyms: [...item.synonyms, ...added] } : item;
      }),
    };
  }
  return { ...framework, categories, columns };
}

function checkAgainst(spellings: ValueSpellings, framework: Framework, ctx: z.RefinementCtx): void {
  const fail = (path: string[], message: string, fix?: string) => ctx.addIssue({ code: 'custom', path, message, ...fixParam(fix) });
  const listIds = Object.keys(framework.categories);
  const notStated = new Set(framework.notStated.map(matchKey));
  for (const [listId, bySpelling] of Object.entries(spellings)) {
    const list = framework.categories[listId];
    const flag = framework.columns.find((c) => c.type === 'flag' && c.key === listId);
    if (!list && flag?.type === 'flag') {
      checkAnswers(flag, bySpelling, framework, fail);
      continue;
    }
    if (!list) {
      fail([listId], `"${listId}" is not a category list or a yes/no column of the ${framework.title}`, listFix(listId, framework, listIds));
      continue;
    }
    const existing = new Map<string, string>();
    for (const item of list.items)
      for (const spelling of [item.label, item.id.replace(/_/g, ' '), ...item.synonyms]) if (!existing.has(matchKey(spelling))) existing.set(matchKey(spelling), item.id);
    const inFile = new Map<string, { spelling: string; id: string }>();
    for (const [spelling, id] of Object.entries(bySpelling)) {
      const label = (categoryId: string) => list.items.find((i) => i.id === categoryId)?.label ?? categoryId;
      if (!list.items.some((i) => i.id === id)) {
        fail([listId, spelling], `"${id}" is not a category of ${list.label}`, useOneOf(id, list.items.map((i) => i.id), `category ids of ${list.label}`));
        continue;
      }
      const key = matchKey(spelling);
      if (key === '') fail([listId, spelling], `"${spelling}" has no letters or digits to match a value by`, 'Remove it: such a value is reported as not recognised.');
      else if (notStated.has(key)) fail([listId, spelling], `"${spelling}" already means "not stated" in the framework`, 'Remove it: a values file adds spellings and cannot change what the framework\'s own words mean.');
      else if (existing.has(key) && existing.get(key) !== id)
        fail([listId, spelling], `"${spelling}" already means ${label(existing.get(key)!)} (${existing.get(key)}) in the framework`, 'Remove it: a values file adds spellings and cannot change what the framework\'s own spellings mean.');
      else if (inFile.has(key) && inFile.get(key)!.id !== id)
        fail([listId, spelling], `"${spelling}" and "${inFile.get(key)!.spelling}" are the same spelling (case, spaces and punctuation aside) but mean different categories`, 'Keep one of them.');
      inFile.set(key, { spelling, id });
    }
  }
}

/** For a key that is not a list id: the list it was probably meant to be, found by a column's key or header. */
function listFix(key: string, framework: Framework, listIds: string[]): string {
  const column = framework.columns.find((c) => (c.type === 'category' || c.type === 'age') && (c.key === key || matchKey(c.header) === matchKey(key.replace(/_/g, ' '))));
  if (column && (column.type === 'category' || column.type === 'age')) return `The column ${column.header} takes the list "${column.category}": write "${column.category}" instead.`;
  return useOneOf(key, listIds, 'category lists');
}

/** A yes/no column's answers: each yes or no, and none already meaning the other there (or not known). */
function checkAnswers(column: Extract<Framework['columns'][number], { type: 'flag' }>, bySpelling: Record<string, string>, framework: Framework, fail: (path: string[], message: string, fix?: string) => void): void {
  const meaning = new Map<string, string>();
  for (const value of ['yes', 'no', 'unknown'] as const) for (const word of framework.flags[value]) meaning.set(matchKey(word), value);
  for (const value of ['yes', 'no'] as const) for (const word of column.answers?.[value] ?? []) meaning.set(matchKey(word), value);
  for (const [spelling, value] of Object.entries(bySpelling)) {
    if (value !== 'yes' && value !== 'no') {
      fail([column.key, spelling], `"${value}" is not yes or no`, `${column.header} is a yes/no column: write "yes" or "no" for what "${spelling}" means.`);
      continue;
    }
    const already = meaning.get(matchKey(spelling));
    if (matchKey(spelling) === '') fail([column.key, spelling], `"${spelling}" has no letters or digits to match a value by`, 'Remove it: such a value is reported as not recognised.');
    else if (already !== undefined && already !== value)
      fail([column.key, spelling], `"${spelling}" already means ${already === 'unknown' ? 'not known' : already} in ${column.header}`, 'Remove it: a values file adds spellings and cannot change what the framework\'s own mean.');
    else meaning.set(matchKey(spelling), value);
  }
}

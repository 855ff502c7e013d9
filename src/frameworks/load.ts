import { InputError } from '../errors';
import cambridgeshire from './data/cambridgeshire.json';
import lancashire from './data/lancashire.json';
import safeSpaces from './data/safe-spaces.json';
import staffordshire from './data/staffordshire.json';
import westMidlands from './data/west-midlands.json';
import { describeIssues } from './plainIssues';
import { frameworkSchema, type Framework } from './schema';

const builtIn: Record<string, unknown> = { cambridgeshire, lancashire, 'safe-spaces': safeSpaces, staffordshire, 'west-midlands': westMidlands };

export const builtInFrameworkIds = Object.keys(builtIn);

/** Parses framework data, turning schema errors into one message that names each bad place. */
export function parseFramework(data: unknown, source: string): Framework {
  const parsed = frameworkSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new InputError(`The framework in ${source} is not valid:\n${describeIssues(parsed.error.issues, data)}`);
}

const cache = new Map<string, Framework>();

export function builtInFramework(id: string): Framework {
  const cached = cache.get(id);
  if (cached) return cached;
  const data = builtIn[id];
  if (data === undefined)
    throw new InputError(`There is no framework "${id}". Known frameworks: ${builtInFrameworkIds.join(', ')}.`);
  const framework = parseFramework(data, `the built-in framework "${id}"`);
  cache.set(id, framework);
  return framework;
}

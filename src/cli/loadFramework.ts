import { decodeText } from '../tables/decodeText';
import { builtInFramework, builtInFrameworkIds, parseFramework } from '../frameworks/load';
import { checkedProfileId } from '../frameworks/profiles';
import type { Framework } from '../frameworks/schema';
import { InputError, parseJsonText } from '../errors';
import { parseValueSpellings, withValueSpellings } from '../engine/spellings/valueSpellings';
import { parseMapping, type Mapping } from '../engine/mapping/mapping';
import type { CliIo } from './io';

/** --framework takes a built-in id (cambridgeshire) or the path of a framework .json file a commissioner wrote. */
export async function loadFramework(nameOrPath: string, io: CliIo): Promise<Framework> {
  if (!nameOrPath.toLowerCase().endsWith('.json')) {
    if (!builtInFrameworkIds.includes(nameOrPath))
      throw new InputError(`There is no framework "${nameOrPath}". Use one of: ${builtInFrameworkIds.join(', ')}, or the path of a framework .json file.`);
    return builtInFramework(nameOrPath);
  }
  const text = decodeText(await io.readFile(nameOrPath)).text;
  return parseFramework(parseJsonText(text, nameOrPath, 'Fix the file and try again.'), nameOrPath);
}

/**
 * The framework each return is read with: the one given with --framework when the return names it, otherwise
 * the built-in framework of the id the return names.
 */
export async function frameworkChooser(nameOrPath: string | undefined, io: CliIo): Promise<(id: string) => Framework> {
  const named = nameOrPath ? await loadFramework(nameOrPath, io) : null;
  return (id) => (named && named.id === id ? named : builtInFramework(id));
}

/** --mapping FILE.json: where a commissioner's own template holds each figure (from returns map). */
export async function mappingFile(path: string | undefined, io: CliIo): Promise<Mapping | null> {
  return path ? parseMapping(decodeText(await io.readFile(path)).text, path) : null;
}

/** --values FILE.json: a provider's own value spellings, read once and laid over each framework they are checked against. */
export async function valuesFile(path: string | undefined, io: CliIo): Promise<(framework: Framework) => Framework> {
  if (path === undefined) return (framework) => framework;
  const data = parseJsonText(decodeText(await io.readFile(path)).text, path, 'Fix the file and try again.');
  const laid = new Map<Framework, Framework>();
  return (framework) => {
    let result = laid.get(framework);
    if (!result) {
      result = withValueSpellings(framework, parseValueSpellings(data, path, framework));
      laid.set(framework, result);
    }
    return result;
  };
}

/** --profile ID: the service profile the return is made under, one of the framework's. */
export function profileFlag(framework: Framework, id: string | undefined): string | null {
  return id === undefined ? null : checkedProfileId(framework, id, '--profile');
}

export const profileUsage = `  --profile    the kind of service (the framework's service profiles, e.g. general, victim-and-witness-hub,
               rj; default the first): figures asked of other kinds of service are not applicable`;

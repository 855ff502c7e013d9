import { decodeText } from '../tables/decodeText';
import { builtInFramework, builtInFrameworkIds, parseFramework } from '../frameworks/load';
import type { Framework } from '../frameworks/schema';
import { InputError, parseJsonText } from '../errors';
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

import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { InputError } from '../errors';

/**
 * Parses a command's flags with node's parser, then checks them with the command's zod schema, so every
 * mistake becomes one plain message followed by the usage.
 */
export function parseFlags<S extends z.ZodType>(args: string[], options: NonNullable<ParseArgsConfig['options']>, schema: S, usage: string): z.infer<S> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new InputError(`${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '.')}\n\n${usage}`);
  }
  const checked = schema.safeParse({ ...parsed.values, files: parsed.positionals });
  if (!checked.success) throw new InputError(`${checked.error.issues.map((i) => i.message).join('\n')}\n\n${usage}`);
  return checked.data;
}

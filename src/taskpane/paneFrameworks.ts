import { InputError, parseJsonText } from '../errors';
import { builtInFramework, builtInFrameworkIds, parseFramework } from '../frameworks/load';
import type { Framework } from '../frameworks/schema';

/**
 * The frameworks the pane offers: the built-in ones and those a person loaded from a framework file while the
 * page is open (a commissioner's own, written as `returns frameworks validate` describes). A loaded framework with
 * a built-in's id takes its place, as `--framework FILE.json` does on the command line. They live as long as
 * the page: every workbook opened in it is read with them.
 */
const loaded = new Map<string, Framework>();

/** Parses a framework file the person picked, or says what is wrong with it and where (JSON path, fix). */
export function frameworkFromFile(name: string, text: string): Framework {
  if (!name.toLowerCase().endsWith('.json')) throw new InputError(`${name} is not a framework file: choose the framework's .json file.`);
  return parseFramework(parseJsonText(text, name, 'Fix the file and load it again.'), name);
}

export function rememberFramework(framework: Framework): void {
  loaded.set(framework.id, framework);
}

/** The frameworks loaded from files in this page, for its worker to read returns with too. */
export function loadedFrameworks(): Framework[] {
  return [...loaded.values()];
}

/** Every framework on offer, built-in ones first, in a stable order. */
export function paneFrameworks(): Framework[] {
  const builtIns = builtInFrameworkIds.map((id) => loaded.get(id) ?? builtInFramework(id));
  return [...builtIns, ...[...loaded.values()].filter((f) => !builtInFrameworkIds.includes(f.id))];
}

/** The framework a workbook names: one loaded here, else the built-in one (or a message naming those known). */
export function paneFramework(id: string): Framework {
  return loaded.get(id) ?? builtInFramework(id);
}

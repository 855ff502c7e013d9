import type { Change, Framework } from './schema';

/**
 * The changes a return made from template `version` has not followed, oldest first: none for the current
 * version, those listed after it for a version the framework lists, and all of them for an earlier one.
 */
export function changesSince(framework: Framework, version: string | null): Change[] {
  if (version === framework.version) return [];
  const index = framework.changes.findIndex((c) => c.version === version);
  return framework.changes.slice(index + 1);
}

/** Figures a return made from template `version` has no cell for: added by a later version. */
export function figuresAddedSince(framework: Framework, version: string | null): string[] {
  return changesSince(framework, version).flatMap((c) => c.added);
}

import { InputError } from '../errors';
import { figuresOf } from './expand';
import type { Framework, Profile } from './schema';
import { matchFigures } from './selectors';

/** The profile a return is made under: the one named, or the framework's default (its first); null when it has none. */
export function profileOf(framework: Framework, id: string | null | undefined): Profile | null {
  if (id === null || id === undefined) return framework.profiles[0] ?? null;
  return framework.profiles.find((p) => p.id === id) ?? null;
}

/** A profile id as given by a person (a flag, a cell, a figures file): one of the framework's, or a message saying which. */
export function checkedProfileId(framework: Framework, id: string, where: string): string {
  if (framework.profiles.some((p) => p.id === id)) return id;
  if (!framework.profiles.length) throw new InputError(`${where}: the ${framework.title} has no service profiles, so "${id}" cannot be one. Leave the profile out.`);
  throw new InputError(`${where}: "${id}" is not a service profile of the ${framework.title}. Use one of: ${framework.profiles.map((p) => `${p.id} (${p.label})`).join(', ')}.`);
}

const outside = new WeakMap<Framework, Map<string, ReadonlySet<string>>>();

/** Figures not asked of a service with this profile: those other profiles name and this one does not. */
export function figuresOutsideProfile(framework: Framework, id: string | null | undefined): ReadonlySet<string> {
  const profile = profileOf(framework, id);
  if (!profile) return new Set();
  let byProfile = outside.get(framework);
  if (!byProfile) outside.set(framework, (byProfile = new Map()));
  const cached = byProfile.get(profile.id);
  if (cached) return cached;
  const ids = figuresOf(framework).map((f) => f.id);
  const own = new Set(matchFigures(profile.figures, ids));
  const result = new Set(framework.profiles.flatMap((p) => matchFigures(p.figures, ids)).filter((figure) => !own.has(figure)));
  byProfile.set(profile.id, result);
  return result;
}

import { figuresOf } from '../../frameworks/expand';
import type { Framework } from '../../frameworks/schema';
import { figuresOutsideProfile } from '../../frameworks/profiles';
import { matchFigures } from '../../frameworks/selectors';
import { changesSince } from '../../frameworks/versions';
import { catalogueFinding, type Finding } from './findings';

const LABELS_SHOWN = 5;

/**
 * A query on a return made from another version of the template, saying what changed since: the figures
 * whose meaning changed are compared with the current rules, so the reader should know. Only the figures asked
 * under the return's service profile are named.
 */
export function templateVersionFindings(framework: Framework, version: string | null, profile: string | null = null): Finding[] {
  if (version === framework.version) return [];
  const changes = changesSince(framework, version);
  // Figures the service's profile does not ask for are no concern of this return, changed or added.
  const outside = figuresOutsideProfile(framework, profile);
  const ids = figuresOf(framework).map((f) => f.id).filter((id) => !outside.has(id));
  const labels = new Map(figuresOf(framework).map((f) => [f.id, f.label]));
  const changed = [...new Set(changes.flatMap((c) => matchFigures(c.changed, ids)))];
  const added = changes.flatMap((c) => c.added).filter((id) => !outside.has(id));
  const shown = changed.slice(0, LABELS_SHOWN).map((id) => labels.get(id) ?? id);
  const since = changes.length
    ? ` Since then: ${changes.map((c) => c.summary).join(' ')} Figures whose meaning changed: ${shown.join('; ')}${changed.length > LABELS_SHOWN ? ` and ${changed.length - LABELS_SHOWN} more` : ''}.${
        added.length ? ` Figures this return has no cell for: ${added.map((id) => labels.get(id) ?? id).join('; ')}.` : ''
      }`
    : '';
  return [
    catalogueFinding('template_version', {
      severity: 'query',
      figures: changed,
      cells: [],
      params: { version, changed },
      message: `This return was made from template version ${version ?? '(not recorded)'}; the current ${framework.title} is version ${framework.version}.${since}`,
      hint: 'Check the figures whose meaning changed follow the current definitions, or fill the current template.',
    }),
  ];
}

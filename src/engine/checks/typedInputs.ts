import { figuresOf } from '../../frameworks/expand';
import type { Framework } from '../../frameworks/schema';
import type { FigureCell } from './returnData';

/** How a "not applicable" figure is held once read, whatever spelling was typed. */
export const NOT_APPLICABLE = 'N/A';

/** "N/A", "n/a", "NA", "N.A.", "Not applicable", "not-applicable". */
const NOT_APPLICABLE_TEXT = /^(?:n\s*[/.]?\s*a\.?|not[\s-]*applicable)$/i;

/** Pounds with optional £, thousands separators and pence ("£1,234.50", "-£20"), or pence alone ("75p"). */
const POUNDS = /^(-)?\s*£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
const PENCE = /^(\d+)\s*p$/i;

/**
 * A typed figure as the rules read it: N/A (in any spelling) where the figure may be not applicable, and money
 * written with £, pence or thousands separators as the number of pounds; anything else as it was typed.
 */
export function typedInput(framework: Framework, id: string, cell: FigureCell): FigureCell {
  if (typeof cell !== 'string') return cell;
  const template = inputTemplates(framework).get(id);
  if (!template) return cell;
  const text = cell.trim();
  if (template.notApplicable && NOT_APPLICABLE_TEXT.test(text)) return NOT_APPLICABLE;
  if (template.money) return poundsOf(text) ?? cell;
  return cell;
}

/** Money written with £, pence or thousands separators, as the number of pounds; null when it is not money. */
export function poundsOf(text: string): number | null {
  const pence = PENCE.exec(text.trim());
  if (pence) return Number(pence[1]) / 100;
  const pounds = POUNDS.exec(text.trim());
  return pounds ? (pounds[1] ? -1 : 1) * Number(`${pounds[2]!.replace(/,/g, '')}.${pounds[3] ?? '0'}`) : null;
}

/** Whether a figure holds "not applicable", which its framework allows: neither missing nor a number. */
export function isNotApplicable(framework: Framework, id: string, value: FigureCell | undefined): boolean {
  return value === NOT_APPLICABLE && inputTemplates(framework).get(id)?.notApplicable === true;
}

/** Every figure read through `typedInput`. */
export function typedInputs(framework: Framework, values: Record<string, FigureCell>): Record<string, FigureCell> {
  return Object.fromEntries(Object.entries(values).map(([id, value]) => [id, typedInput(framework, id, value)]));
}

const cache = new WeakMap<Framework, Map<string, { notApplicable: boolean; money: boolean }>>();

function inputTemplates(framework: Framework): Map<string, { notApplicable: boolean; money: boolean }> {
  let found = cache.get(framework);
  if (!found) {
    found = new Map(figuresOf(framework).flatMap((f) => (f.template.kind === 'input' ? [[f.id, { notApplicable: f.template.notApplicable, money: f.template.money }] as const] : [])));
    cache.set(framework, found);
  }
  return found;
}

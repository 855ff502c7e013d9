import { figuresOf } from '../../src/frameworks/expand';
import { builtInFramework } from '../../src/frameworks/load';
import { ruleSchema } from '../../src/frameworks/rules';
import { instancesOf } from '../../src/frameworks/selectors';
import { CheckContext } from '../../src/engine/checks/checkContext';
import type { FigureCell, ReturnData } from '../../src/engine/checks/returnData';
import { checkRule } from '../../src/engine/checks/ruleChecks';
import { periodFromIso } from '../../src/engine/tally/period';

export const cambridgeshire = builtInFramework('cambridgeshire');

/** A Cambridgeshire return for 1 Apr – 30 Sep 2020 with every figure 0, but those given. */
export function returnWith(values: Record<string, FigureCell>, extra: Partial<ReturnData> = {}): ReturnData {
  const zeros = Object.fromEntries(figuresOf(cambridgeshire).map((f) => [f.id, 0]));
  return { source: 'return.json', framework: cambridgeshire, period: periodFromIso('2020-04-01', '2020-09-30'), values: { ...zeros, ...values }, cells: {}, lists: {}, ...extra };
}

/** Runs one rule, written as in a framework file, on a return: the messages it produces. */
export function findings(rule: Record<string, unknown>, data: ReturnData, previous: ReturnData | null = null) {
  const parsed = ruleSchema.parse({ id: 'rule_under_test', severity: 'error', title: 'Rule under test', hint: 'Fix it.', ...rule });
  const context = new CheckContext(data, previous);
  return instancesOf(parsed, cambridgeshire).flatMap((instance) => checkRule(instance, context));
}

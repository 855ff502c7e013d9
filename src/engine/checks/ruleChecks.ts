import type { Rule, RuleKind } from '../../frameworks/rules';
import type { CheckContext } from './checkContext';
import type { FindingDraft } from './findings';
import { checkAtLeastOne } from './rules/atLeastOne';
import { checkCap } from './rules/cap';
import { checkCompleteness } from './rules/completeness';
import { checkCompleteRows } from './rules/completeRows';
import { checkContinuity } from './rules/continuity';
import { checkFunnel } from './rules/funnel';
import { checkIdentity } from './rules/identity';
import { checkIdentifyingText } from './rules/identifyingText';
import { checkMissing } from './rules/missing';
import { checkNegative } from './rules/negative';
import { checkNotANumber } from './rules/notANumber';
import { checkNotWhole } from './rules/notWhole';
import { checkPeriod } from './rules/period';
import { checkPlausibility } from './rules/plausibility';
import { checkRatio } from './rules/ratio';
import { checkRepeatedMonths } from './rules/repeatedMonths';
import { checkSmallBase } from './rules/smallBase';
import { checkSmallCount } from './rules/smallCount';
import { checkSubset } from './rules/subset';
import { checkSum } from './rules/sum';
import { checkTextLength } from './rules/textLength';
import { checkThreshold } from './rules/threshold';
import type { RuleCheck } from './rules/types';

const checks: { [K in RuleKind]: RuleCheck<K> } = {
  missing: checkMissing,
  not_a_number: checkNotANumber,
  negative: checkNegative,
  not_whole: checkNotWhole,
  sum: checkSum,
  identity: checkIdentity,
  subset: checkSubset,
  cap: checkCap,
  funnel: checkFunnel,
  ratio: checkRatio,
  completeness: checkCompleteness,
  plausibility: checkPlausibility,
  threshold: checkThreshold,
  small_base: checkSmallBase,
  small_count: checkSmallCount,
  text_length: checkTextLength,
  at_least_one: checkAtLeastOne,
  complete_rows: checkCompleteRows,
  identifying_text: checkIdentifyingText,
  period: checkPeriod,
  continuity: checkContinuity,
  repeated_months: checkRepeatedMonths,
};

/** Runs the check of a concrete rule's kind. */
export function checkRule(rule: Rule, context: CheckContext): FindingDraft[] {
  return (checks[rule.kind] as RuleCheck<typeof rule.kind>)(rule as never, context);
}

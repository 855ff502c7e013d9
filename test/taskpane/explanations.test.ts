import { explanationKey } from '../../src/commands/annotateReturn';
import type { Finding } from '../../src/engine/checks/findings';
import { explanationsAfterCheck } from '../../src/taskpane/explanations';

const finding = (rule: string, figure: string): Finding => ({
  code: 'sum',
  rule,
  title: rule,
  ref: null,
  severity: 'query',
  figures: [figure],
  cells: [],
  params: {},
  message: `${rule} on ${figure}`,
  hint: '',
});

describe('explanations after a re-check', () => {
  const waiting = finding('waiting_target', 'waiting.average');
  const referrals = finding('referrals_sum', 'referrals.total');

  it('keeps what was typed for a finding that still stands, over what the workbook holds', () => {
    const typed = new Map([[explanationKey(waiting), 'A new post started a waiting list.']]);
    const inWorkbook = new Map([[explanationKey(waiting), 'older text'], [explanationKey(referrals), 'From the Findings sheet.']]);
    expect(explanationsAfterCheck([waiting, referrals], typed, inWorkbook)).toEqual(
      new Map([
        [explanationKey(waiting), 'A new post started a waiting list.'],
        [explanationKey(referrals), 'From the Findings sheet.'],
      ]),
    );
  });

  it('drops the explanation of a finding that no longer stands, and text the person cleared', () => {
    const typed = new Map([[explanationKey(waiting), 'Fixed since.'], [explanationKey(referrals), '']]);
    const inWorkbook = new Map([[explanationKey(referrals), 'From the Findings sheet.']]);
    expect(explanationsAfterCheck([referrals], typed, inWorkbook)).toEqual(new Map());
  });
});

import cambridgeshireData from '../../../src/frameworks/data/cambridgeshire.json';
import { parseFramework } from '../../../src/frameworks/load';
import { returnFromJson } from '../../../src/engine/checks/returnFromJson';
import { runChecks } from '../../../src/engine/checks/runChecks';
import { NOT_APPLICABLE, typedInput } from '../../../src/engine/checks/typedInputs';

/** Cambridgeshire with a money input and an input that may be not applicable. */
const framework = parseFramework(
  {
    ...cambridgeshireData,
    figures: [
      ...cambridgeshireData.figures,
      { id: 'grant.spent', label: 'Grant spent in the period', section: 'rj', kind: 'input', money: true },
      { id: 'survey.satisfied_pct', label: 'Victims satisfied (%)', section: 'rj', kind: 'input', notApplicable: true },
    ],
  },
  'typed-inputs.json',
);

describe('typed inputs', () => {
  it.each(['N/A', 'n/a', 'NA', 'N.A.', 'Not applicable', 'not-applicable', ' n / a '])('reads %p as not applicable where the figure allows it', (text) => {
    expect(typedInput(framework, 'survey.satisfied_pct', text)).toBe(NOT_APPLICABLE);
  });

  it('keeps N/A as text where the figure does not allow it, and blank and 0 as they are', () => {
    expect(typedInput(framework, 'grant.spent', 'N/A')).toBe('N/A');
    expect(typedInput(framework, 'survey.satisfied_pct', null)).toBeNull();
    expect(typedInput(framework, 'survey.satisfied_pct', 0)).toBe(0);
    expect(typedInput(framework, 'survey.satisfied_pct', 'not known')).toBe('not known');
  });

  it.each([
    ['£1,234.50', 1234.5],
    ['1234.5', 1234.5],
    ['£ 12,000', 12000],
    ['-£20', -20],
    ['75p', 0.75],
  ])('reads the money amount %p as %p pounds', (text, pounds) => {
    expect(typedInput(framework, 'grant.spent', text)).toBe(pounds);
  });

  it('leaves what is not an amount as text, for the rules to report', () => {
    expect(typedInput(framework, 'grant.spent', '£1,23.4')).toBe('£1,23.4');
    expect(typedInput(framework, 'grant.spent', 'about £500')).toBe('about £500');
  });

  it('never calls N/A missing or not a number where it is allowed; calls a blank missing and other text not a number', () => {
    const file = (values: Record<string, unknown>) => JSON.stringify({ framework: 'cambridgeshire', figures: values });
    const data = returnFromJson(file({ 'survey.satisfied_pct': 'Not applicable', 'grant.spent': '£1,234.50', 'referrals.total': 'N/A' }), 'q1.json', () => framework);
    expect(data.values['survey.satisfied_pct']).toBe(NOT_APPLICABLE);
    expect(data.values['grant.spent']).toBe(1234.5);
    const findings = runChecks(data);
    const about = (rule: string) => findings.filter((f) => f.rule === rule).flatMap((f) => f.figures);
    expect(about('figures_missing')).not.toContain('survey.satisfied_pct');
    expect(about('figures_missing')).toContain('caseload_start.total');
    expect(about('figures_not_numbers')).toEqual(['referrals.total']);
  });
});

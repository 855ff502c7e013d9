import { InputError } from '../../src/errors';
import { inPageTerms, periodOfControls, withoutSheets } from '../../src/taskpane/pageWording';

describe("the page's own wording", () => {
  it('says which Period control is wrong, with no command-line flag', () => {
    expect(() => periodOfControls('', '2020-09-30')).toThrow(new InputError('"Period from" is not a date: choose the first day of the period, e.g. 1 April 2020.'));
    expect(() => periodOfControls('2020-04-01', '2020-13-40')).toThrow(/^"Period to" is not a date/);
    expect(() => periodOfControls('2020-04-01', '2020-03-01')).toThrow('The period ends (2020-03-01) before it starts (2020-04-01): check "Period from" and "Period to".');
    expect(periodOfControls('2020-04-01', '2020-09-30').to - periodOfControls('2020-04-01', '2020-09-30').from).toBe(182);
  });

  it("rephrases a command's advice as what to do in the page", () => {
    expect(inPageTerms('2 typed figures differ from what the case data gives, so nothing was written:\nCheck them; to replace them with formulas anyway, run again with --overwrite (the typed values are kept).')).toBe(
      '2 typed figures differ from what the case data gives, so nothing was written:\nCheck them; to replace them with formulas anyway, tick "Replace figures typed in the return" and fill again (the typed values are kept).',
    );
    const foreign = inPageTerms(
      'a.xlsx does not say which return it is (no cell named return.framework): it was not made from a Returns Assistant template or mapped. If it is the commissioner\'s own template, map it first (returns map a.xlsx --framework ID --out mapping.json) and check it with --mapping mapping.json; or check the figures as JSON.',
    );
    expect(foreign).toMatch(/map it first with "Map this template", then check it\.$/);
    expect(foreign).not.toMatch(/--/);
  });

  it('names the sheets a submission copy left out', () => {
    expect(withoutSheets(['Case data', 'Cases'])).toBe(', without the "Case data" and "Cases" sheets');
    expect(withoutSheets([])).toBe('');
  });
});

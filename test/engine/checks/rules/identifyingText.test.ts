import { findings, returnWith } from '../../../support/returns';

describe('identifying_text', () => {
  const rule = { kind: 'identifying_text', list: 'caseStudies', itemLabel: 'case study' };
  const check = (text: string) => findings(rule, returnWith({}, { lists: { caseStudies: [{ caseId: 'C7', row: 12, text }] } }));

  it.each<[string, string]>([
    ['an email address', 'She wrote to us at jo.bloggs+help@example.co.uk after the hearing.'],
    ['a phone number', 'We rang her on 07700 900123 every week.'],
    ['a phone number', 'Call back on +44 (0)1223 456789.'],
    ['a phone number', 'Landline 020 7946 0958.'],
    ['a postcode', 'He moved to a flat near CB1 2AB in June.'],
    ['a postcode', 'Rehoused in SW1A1AA.'],
    ['a date of birth', 'Client (DOB 12/03/1985) was referred by police.'],
    ['a date of birth', 'She was born on 3rd March 1990 in Ely.'],
    ['a date of birth', 'Date of birth: 1985-03-12.'],
  ])('queries a case study holding %s, naming the case and never quoting the value', (what, text) => {
    const [finding, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(finding!.message).toBe(`The case study for case C7 (row 12) may identify the victim: it holds ${what}. It is sent to the commissioner, so it must be anonymous.`);
  });

  it('lists every kind found in one finding', () => {
    expect(check('Email a@b.org or ring 01223 456789; lives at PE13 1AB.')[0]!.message).toContain('it holds an email address, a phone number and a postcode.');
  });

  it.each([
    'She was supported for 12 weeks from 01/05/2020 and felt safer by the end.',
    'Referred on 2nd floor, room B1 2nd visit; 3 calls, 10 letters, 24 hours.',
    'Born in Peterborough, she now lives in Fenland with her two children.',
    'Reference 2020/123456 was closed; she scored 07 on the wellbeing scale.',
  ])('lets an anonymous case study pass: %s', (text) => {
    expect(check(text)).toEqual([]);
  });
});

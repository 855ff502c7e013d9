import { builtInFramework, parseFramework } from '../../src/frameworks/load';
import { checkedProfileId, figuresOutsideProfile, profileOf } from '../../src/frameworks/profiles';
import cambridgeshire from '../../src/frameworks/data/cambridgeshire.json';

const framework = builtInFramework('cambridgeshire');
const RJ = ['rj.proactive_referrals', 'rj.first_meeting_rate', 'rj.conference_rate', 'rj.weeks_to_conference'];
const HUB = ['support.letters_emails', 'needs.referred_commissioned'];

describe('service profiles', () => {
  it('the first profile is the default', () => {
    expect(profileOf(framework, null)?.id).toBe('general');
    expect(profileOf(framework, 'rj')?.label).toBe('Restorative justice service');
  });

  it.each<[string, string[]]>([
    ['general', [...HUB, ...RJ]],
    ['victim-and-witness-hub', RJ],
    ['rj', HUB],
  ])('under %s, the figures other profiles name are outside it', (id, outside) => {
    expect([...figuresOutsideProfile(framework, id)].sort()).toEqual([...outside].sort());
  });

  it('a framework without profiles asks every figure of everyone', () => {
    const plain = parseFramework({ ...JSON.parse(JSON.stringify(cambridgeshire)), profiles: [] }, 'plain');
    expect(figuresOutsideProfile(plain, null).size).toBe(0);
    expect(() => checkedProfileId(plain, 'rj', '--profile')).toThrow('--profile: the Cambridgeshire victim services monitoring return has no service profiles, so "rj" cannot be one. Leave the profile out.');
  });

  it('refuses an unknown profile, listing the profiles', () => {
    expect(() => checkedProfileId(framework, 'hub', '--profile')).toThrow(
      '--profile: "hub" is not a service profile of the Cambridgeshire victim services monitoring return. Use one of: general (General victim service), victim-and-witness-hub (Victim and Witness Hub), rj (Restorative justice service).',
    );
  });

  it('a framework file naming no figure in a profile, or one profile twice, is refused where it says so', () => {
    const edited = JSON.parse(JSON.stringify(cambridgeshire));
    edited.profiles[2].figures = ['rj.proactive'];
    edited.profiles.push({ id: 'general', label: 'Again' });
    expect(() => parseFramework(edited, 'mine.json')).toThrow(/profiles\[2\]\.figures\[0\]: "rj\.proactive" names no figure[^]*profiles\[3\]\.id: profile "general" is defined twice/);
  });
});

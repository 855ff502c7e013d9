import fc from 'fast-check';
import { ageReader, readAge } from '../../../src/engine/cases/ages';
import { CategoryMatcher } from '../../../src/engine/cases/categories';
import { builtInFramework } from '../../../src/frameworks/load';
import type { CategoryList } from '../../../src/frameworks/schema';

const framework = builtInFramework('cambridgeshire');
const list = framework.categories.age!;
/** Lists with a band spelt as a date of birth reads, or as the minutes of its time: then no date is read straight. */
const spelt = (synonym: string): CategoryList => ({ ...list, items: list.items.map((item, i) => (i === 0 ? { ...item, synonyms: [...item.synonyms, synonym] } : item)) });

const two = (n: number) => String(n).padStart(2, '0');
/** Age cells as exports write them: dates of birth in every form, ages, bands, blanks and slips. */
const ageCell = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1900, max: 2030 })).chain(([d, m, y]) =>
    fc.constantFrom(`${two(d)}/${two(m)}/${y}`, `${y}-${two(m)}-${two(d)}`, `${two(d)}/${two(m)}/${y} 10:30`, ` ${two(d)}/${two(m)}/${y}`, `${d} Mar ${y}`),
  ),
  fc.constantFrom('01/02/2003', '34', '25-34', '65+', 'Not known', '', 'under 18', '200', 'n/a'),
  fc.string({ maxLength: 12 }),
  fc.constant(null),
);

describe('ageReader (each spelling read once, common dates read straight)', () => {
  it.each([
    ['the built-in bands', list],
    ['a band spelt as a date', spelt('01 02 2003')],
    ['a band spelt as the minutes of a time', spelt('30')],
  ])('reads every cell as readAge does, with %s', (_, bands) => {
    const matcher = new CategoryMatcher(bands, framework.notStated);
    const plain = new CategoryMatcher(bands, framework.notStated);
    const read = ageReader(matcher, 50);
    fc.assert(
      fc.property(fc.array(fc.tuple(ageCell, fc.option(fc.integer({ min: 0, max: 25_000 }))), { maxLength: 200 }), (cells) => {
        for (const [cell, asOf] of cells) expect(read(cell, asOf)).toEqual(readAge(cell, plain, asOf));
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { memoryIo } from '../support/memoryIo';

const PERIOD = ['--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30'];
/** Runs per property: the closing note of the trust issue quotes them. */
export const FUZZ_RUNS = { bytes: 300, zipLike: 200, csvLike: 400, figuresJson: 300 } as const;

/** Runs a command on one generated file: the exit code and whether anything escaped main as an exception. */
async function exitOf(args: string[], file: string, content: string | Uint8Array): Promise<number> {
  const { io } = memoryIo({ [file]: content });
  return main(args, io);
}

const HEADERS = ['Case ID', 'Referral date', 'Referral source', 'Crime type', 'Exit date', 'Age', 'Gender', 'Ethnicity', 'Eligible', 'Support type', 'Outcome 1', 'Case study', 'Client ID', 'Notes'];
const VALUES = ['C1', 'C1', '01/05/2020', '31/06/2020', '2020-05-01 25:61', '9999-12-31', 'Police', 'Theft', '***', '#N/A', '#NAME?', 'Y', 'N', '', ' ', '34', '-3', '1990-01-01', '"', '""', '\u00a0Theft\u200b', '\u001b[2J', '=1+1', '1e309', 'Ongoing', 'Single incident', 'Better informed', 'Prefer not to say'];
const cell = fc.oneof({ arbitrary: fc.constantFrom(...VALUES), weight: 4 }, fc.constantFrom(...HEADERS), fc.string({ maxLength: 12 }), fc.integer().map(String));
const csvLike = fc
  .tuple(
    fc.constantFrom(',', ';', '\t', '|'),
    fc.constantFrom('\n', '\r\n', '\r'),
    // Mostly a header row the import accepts, so the rows behind it are read, not only refused.
    fc.oneof({ arbitrary: fc.shuffledSubarray(HEADERS.slice(4)).map((rest) => [...HEADERS.slice(0, 4), ...rest]), weight: 3 }, { arbitrary: fc.shuffledSubarray(HEADERS), weight: 1 }),
    fc.array(fc.array(cell, { maxLength: 16 }), { maxLength: 25 }),
    fc.boolean(),
  )
  .map(([separator, newline, headers, rows, quoted]) =>
    [headers, ...rows].map((r) => r.map((c) => (quoted ? `"${c.replace(/"/g, '""')}"` : c)).join(separator)).join(newline),
  );

describe('fuzzing the command line: no input makes it fail with an internal fault', () => {
  it(`tally: ${FUZZ_RUNS.bytes} random byte strings, as a CSV and as a workbook`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), fc.constantFrom('cases.csv', 'cases.xlsx'), async (bytes, file) => {
        expect([0, 2]).toContain(await exitOf(['tally', file, ...PERIOD], file, bytes));
      }),
      { numRuns: FUZZ_RUNS.bytes },
    );
  }, 300_000);

  it(`tally and check: ${FUZZ_RUNS.zipLike} random byte strings that start like a zip`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), fc.boolean(), async (tail, tally) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
        const code = tally ? await exitOf(['tally', 'cases.xlsx', ...PERIOD], 'cases.xlsx', bytes) : await exitOf(['check', 'return.xlsx'], 'return.xlsx', bytes);
        expect([0, 1, 2]).toContain(code);
      }),
      { numRuns: FUZZ_RUNS.zipLike },
    );
  }, 300_000);

  it(`tally: ${FUZZ_RUNS.csvLike} random CSV-like exports (real headers, awkward values, any separator and quoting)`, async () => {
    const codes: number[] = [];
    await fc.assert(
      fc.asyncProperty(csvLike, fc.boolean(), async (text, json) => {
        const code = await exitOf(['tally', 'cases.csv', ...PERIOD, ...(json ? ['--json'] : [])], 'cases.csv', text);
        codes.push(code);
        expect([0, 2]).toContain(code);
      }),
      { numRuns: FUZZ_RUNS.csvLike },
    );
    // The generator reaches the rows: most exports are tallied, not refused at the header.
    expect(codes.filter((c) => c === 0).length).toBeGreaterThan(FUZZ_RUNS.csvLike / 4);
  }, 300_000);

  it(`check: ${FUZZ_RUNS.figuresJson} random JSON files, some shaped like figures files`, async () => {
    const figuresLike = fc.record({
      framework: fc.constantFrom('cambridgeshire', 'nowhere', ''),
      period: fc.option(fc.record({ from: fc.constantFrom('2020-04-01', '2020-13-01', 'x'), to: fc.constantFrom('2020-09-30', '2019-01-01') }), { nil: undefined }),
      figures: fc.dictionary(fc.constantFrom('referrals.total', 'support.total', 'no.such', '__proto__', 'constructor'), fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null))),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), figuresLike.map((f) => JSON.stringify(f))), async (text) => {
        expect([0, 1, 2]).toContain(await exitOf(['check', 'return.json'], 'return.json', text));
      }),
      { numRuns: FUZZ_RUNS.figuresJson },
    );
  }, 300_000);
});

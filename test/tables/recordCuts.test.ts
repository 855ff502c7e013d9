import Papa from 'papaparse';
import { recordCuts, type Newline, type RecordCut } from '../../src/tables/recordCuts';

const encoder = new TextEncoder();
const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/** mulberry32: a seeded generator, so that a failing case can be run again from its seed. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Generator = ReturnType<typeof generator>;

const DELIMITERS = [',', ';', '\t', '|'] as const;
const TEXT = ['a', 'b', 'Z', '1', ' ', 'é', '😀', '\u00a0', '\u3000', '–'];
/** Whitespace papaparse may skip between a closing quote and what follows it. */
const SPACES = [' ', '  ', '\t', '\u00a0', '\u3000', '\r', '\n', '\ufeff', '\u2028'];

/** A delimited text as exports write it, with the awkward parts of real ones: quoted separators and line breaks, `""`, empty fields and lines. */
function exportLike(rng: Generator, delimiter: string, newline: Newline): string {
  const text = (length: number) => Array.from({ length }, () => rng.pick(TEXT)).join('');
  const inQuotes = () => Array.from({ length: rng.int(6) }, () => rng.pick([text(1 + rng.int(3)), delimiter, '""', '\n', '\r\n', '\r', '"x'])).join('');
  const field = (): string => {
    switch (rng.int(6)) {
      case 0:
        return '';
      case 1:
        // A quote in the middle of an unquoted field is text.
        return `${text(1 + rng.int(3))}"${text(rng.int(3))}`;
      case 2:
      case 3:
        return `"${inQuotes()}"${rng.next() < 0.2 ? rng.pick(SPACES) : ''}`;
      default:
        return text(rng.int(8));
    }
  };
  const records = Array.from({ length: rng.int(10) }, () => (rng.next() < 0.1 ? '' : Array.from({ length: 1 + rng.int(5) }, field).join(delimiter)));
  return records.join(newline) + (rng.next() < 0.5 ? newline : '');
}

/** Text from the characters that matter to the scanner, in any order: quoting no export writes, to prove the scanner reads it as papaparse does. */
function noise(rng: Generator, delimiter: string): string {
  const pieces = ['"', '"', '""', delimiter, delimiter, '\r', '\n', '\r\n', ' ', '\t', 'a', 'é', '😀', '\u00a0', '\u3000', ',', ';'];
  return Array.from({ length: rng.int(40) }, () => rng.pick(pieces)).join('');
}

function chunked(bytes: Uint8Array, rng: Generator): Uint8Array[] {
  const largest = rng.pick([1, 2, 7, 64, bytes.length + 1]);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + rng.int(largest);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

async function* streamOf(chunks: Uint8Array[]) {
  yield* chunks;
}

const parse = (text: string, delimiter: string, newline: Newline) => Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false });

/** Papaparse's own record boundaries: the character offset after each record that a line break ends. */
function papaBoundaries(text: string, delimiter: string, newline: Newline): number[] {
  const boundaries: number[] = [];
  Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false, step: (row) => void boundaries.push(row.meta.cursor) });
  return boundaries.filter((cursor) => cursor < text.length);
}

const byteLength = (text: string) => encoder.encode(text).length;

/** The cuts the scanner must give, from papaparse's boundaries: for each target the first at or after it, once each. */
function expectedCuts(text: string, delimiter: string, newline: Newline, targets: number[], skipped: number): RecordCut[] {
  const boundaries = papaBoundaries(text, delimiter, newline).map((cursor) => skipped + byteLength(text.slice(0, cursor)));
  const cuts: RecordCut[] = [];
  for (const target of [...targets].sort((a, b) => a - b)) {
    const at = boundaries.findIndex((offset) => offset >= target);
    if (at >= 0 && cuts[cuts.length - 1]?.offset !== boundaries[at]) cuts.push({ offset: boundaries[at]!, records: at + 1 });
  }
  return cuts;
}

/** Each cut splits the text into two that papaparse reads, one after the other, as the rows of the whole. */
function expectCleanSplits(text: string, delimiter: string, newline: Newline, cuts: RecordCut[], skipped: number) {
  const bytes = encoder.encode(text);
  const whole = parse(text, delimiter, newline).data;
  for (const { offset, records } of cuts) {
    const at = new TextDecoder().decode(bytes.subarray(0, offset - skipped)).length;
    const before = parse(text.slice(0, at), delimiter, newline);
    expect(before.errors.filter((e) => e.code === 'MissingQuotes')).toEqual([]);
    // Text ending in a line break has an empty last row in papaparse's reading: the records before the cut are the others.
    expect(before.data.length).toBe(records + 1);
    expect(before.data[records]).toEqual(['']);
    expect([...before.data.slice(0, records), ...parse(text.slice(at), delimiter, newline).data]).toEqual(whole);
  }
}

describe('recordCuts', () => {
  it('cuts where papaparse ends a record, with its count of the records before, for any chunking', async () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const rng = generator(seed);
      const delimiter = rng.pick(DELIMITERS);
      const newline: Newline = rng.pick(['\n', '\r\n']);
      const text = seed % 3 === 0 ? noise(rng, delimiter) : exportLike(rng, delimiter, newline);
      // The decoder drops a byte-order mark: a quote after it opens the first field.
      const bom = rng.next() < 0.1;
      const bytes = bom ? new Uint8Array([...BOM, ...encoder.encode(text)]) : encoder.encode(text);
      const targets = Array.from({ length: rng.int(6) }, () => rng.int(bytes.length + 2));
      const skipped = bom ? BOM.length : 0;
      try {
        const cuts = await recordCuts(streamOf(chunked(bytes, rng)), { delimiter, newline, targets });
        expect(cuts).toEqual(expectedCuts(text, delimiter, newline, targets, skipped));
        expectCleanSplits(text, delimiter, newline, cuts, skipped);
      } catch (e) {
        throw new Error(`seed ${seed}: ${JSON.stringify({ text, delimiter, newline, bom, targets })}\n${(e as Error).message}`);
      }
    }
  });

  it('moves a cut aimed inside a quoted field with line breaks past the record holding it', async () => {
    const text = 'id,note\n1,"a\nb\nc"\n2,x\n';
    const cuts = await recordCuts(streamOf([encoder.encode(text)]), { delimiter: ',', newline: '\n', targets: [text.indexOf('b')] });
    expect(cuts).toEqual([{ offset: text.indexOf('2,x'), records: 2 }]);
  });

  it('gives no cut for a target in the last record, whether or not the text ends in a line break', async () => {
    for (const text of ['id\n1\n222', 'id\n1\n222\n']) {
      const cuts = await recordCuts(streamOf([encoder.encode(text)]), { delimiter: ',', newline: '\n', targets: [3, text.indexOf('222') + 1] });
      expect(cuts).toEqual([{ offset: 3, records: 1 }]);
    }
  });

  it('finds a \\r\\n split between two chunks, and takes a lone \\n in a \\r\\n file for text', async () => {
    const cuts = await recordCuts(streamOf([encoder.encode('id\r\n1\n2\r'), encoder.encode('\n3\r\n')]), { delimiter: ',', newline: '\r\n', targets: [5] });
    expect(cuts).toEqual([{ offset: 9, records: 2 }]);
  });

  it('gives one cut for targets that fall before the same boundary', async () => {
    const cuts = await recordCuts(streamOf([encoder.encode('id\n"1\n\n"\n2\n3\n')]), { delimiter: ',', newline: '\n', targets: [4, 5, 6, 10] });
    expect(cuts).toEqual([
      { offset: 9, records: 2 },
      { offset: 11, records: 3 },
    ]);
  });

  it('reads no further than the chunk after the last cut', async () => {
    let pulled = 0;
    async function* chunks() {
      for (const piece of ['id\n1\n', '2\n', '3\n', '4\n']) {
        pulled++;
        yield encoder.encode(piece);
      }
    }
    expect(await recordCuts(chunks(), { delimiter: ',', newline: '\n', targets: [4] })).toEqual([{ offset: 5, records: 2 }]);
    // The cut ends the first chunk: one more byte shows it is not the end of the file.
    expect(pulled).toBe(2);
  });

  it('gives no cuts for a separator it cannot scan for', async () => {
    const cuts = await recordCuts(streamOf([encoder.encode('a§b\n1§2\n3§4\n')]), { delimiter: '§', newline: '\n', targets: [5] });
    expect(cuts).toEqual([]);
  });
});

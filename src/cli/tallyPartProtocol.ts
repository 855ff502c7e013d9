import { z } from 'zod';
import { importPartSchema } from '../engine/cases/importCases';
import { tallyPartSchema } from '../engine/report/returnTally';
import { typedArraySchema } from '../engine/typedArray';

/**
 * What the main thread and a thread tallying one part of a delimited export say to each other (see
 * `tallyInParts`): the part is set up once, and the thread answers with progress and then its result.
 */
const idRowsSchema = z.object({ ids: z.array(z.string()), rows: z.array(z.number().int().positive()) });

export const partSetupSchema = z.object({
  file: z.string(),
  source: z.string(),
  /** The part's bytes: from `start` up to, not including, `end`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  part: z.object({
    delimiter: z.string().length(1),
    newline: z.enum(['\n', '\r\n']),
    firstRow: z.number().int().positive(),
    atStart: z.boolean(),
    records: z.number().int().nonnegative().nullable(),
    encoding: z.enum(['utf-8', 'windows-1252']),
  }),
  /** The sheet's header row, for a part after the first (which finds it itself). */
  header: z.object({ number: z.number().int().positive(), cells: z.array(z.string().nullable()) }).nullable(),
  /**
   * The framework, as the main thread loaded and checked it (against its schema, with any values file): passed
   * on as data, not checked again on every thread.
   */
  framework: z.record(z.string(), z.unknown()),
  period: z.object({ from: z.number().int(), to: z.number().int() }),
  today: z.number().int(),
  issueLimit: z.number().int().nonnegative().nullable(),
  /** Every row issue of the part is listed in full, in row order (a fix list of the part, sent back), not only the first of each kind kept. */
  everyIssue: z.boolean(),
  /** The Case IDs of the parts before, with their rows, when a reading found one repeated in this part. */
  earlier: idRowsSchema.nullable(),
});
export type PartSetup = z.infer<typeof partSetupSchema>;

/** What the main thread asks of a thread: to read a part, or (after) the Case IDs a part it read met (the part from byte `start`). */
export const partRequestSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('part'), setup: partSetupSchema }), z.object({ type: z.literal('ids'), start: z.number().int().nonnegative() })]);
export type PartRequest = z.infer<typeof partRequestSchema>;

const uint32s = typedArraySchema<Uint32Array>('Uint32Array');
const bytes = typedArraySchema<Uint8Array<ArrayBuffer>>('Uint8Array');

export const partMessageSchema = z.discriminatedUnion('type', [
  /** Bytes of the part read so far. */
  z.object({ type: z.literal('progress'), read: z.number().nonnegative() }),
  z.object({ type: z.literal('done'), imported: importPartSchema, tally: tallyPartSchema, ids: uint32s, fixList: z.object({ pieces: z.array(bytes), issues: z.number().int().nonnegative() }).nullable() }),
  /** The part could not be read apart (`PartNotApart`): the file is to be read whole. */
  z.object({ type: z.literal('apart'), reason: z.string(), /** it is not UTF-8: the parts are to be read in the Windows code page */ notUtf8: z.boolean() }),
  /** The Case IDs the part met, each with its first row (asked for after `done`). */
  z.object({ type: z.literal('ids'), ...idRowsSchema.shape }),
  /** `input`: a problem of the file, which reading it whole reports as the user should see it. */
  z.object({ type: z.literal('failed'), message: z.string(), input: z.boolean() }),
]);
export type PartMessage = z.infer<typeof partMessageSchema>;

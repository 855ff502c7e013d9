import { z } from 'zod';
import { typedArraySchema } from '../engine/typedArray';

/**
 * What the thread reading a delimited export and the thread counting its rows say to each other (see
 * `streamDelimitedInThread`): the reader asks for the file's bytes, from the start and then chunk by chunk, and
 * sends its rows coded in batches, each acknowledged, so it never runs more than a few batches ahead.
 */
const int32s = typedArraySchema<Int32Array<ArrayBuffer>>('Int32Array');

export const readerMessageSchema = z.discriminatedUnion('type', [
  /** Read the file from the start (again, when it turns out not to be UTF-8): the reading's `pass`, counted from 1. */
  z.object({ type: z.literal('open'), pass: z.number().int().positive() }),
  /** The next chunk of that reading. */
  z.object({ type: z.literal('pull'), pass: z.number().int().positive() }),
  /** The rows are being read again from the start: what was sent so far is to be dropped. */
  z.object({ type: z.literal('restart') }),
  z.object({
    type: z.literal('rows'),
    batch: z.object({
      numbers: int32s,
      ends: int32s,
      codes: int32s,
      raw: z.array(z.string()),
      added: z.array(z.object({ column: z.number().int().nonnegative(), values: z.array(z.string()) })),
    }),
  }),
  z.object({ type: z.literal('progress'), read: z.number() }),
  z.object({ type: z.literal('done') }),
  /** `input`: a problem of the file (a message for the user), not a fault of the reader. */
  z.object({ type: z.literal('failed'), message: z.string(), input: z.boolean() }),
]);
export type ReaderMessage = z.infer<typeof readerMessageSchema>;

export const counterMessageSchema = z.discriminatedUnion('type', [
  /** The next chunk of the file in a reading, or null at its end. */
  z.object({ type: z.literal('chunk'), pass: z.number().int().positive(), bytes: typedArraySchema<Uint8Array>('Uint8Array').nullable() }),
  /** A batch has been counted. */
  z.object({ type: z.literal('ack') }),
  /** From now on in the reading `pass`, only these columns' values are sent (`RowCoder.plan`). */
  z.object({ type: z.literal('plan'), pass: z.number().int().positive(), width: z.number().int().nonnegative(), read: z.array(z.number().int().nonnegative()) }),
]);
export type CounterMessage = z.infer<typeof counterMessageSchema>;

export const readerSetupSchema = z.object({ source: z.string(), size: z.number().nullable() });

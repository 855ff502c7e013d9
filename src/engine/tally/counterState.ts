import { z } from 'zod';
import { accumulatorStateSchema } from './accumulator';
import { listStateSchema } from './caseLists';

/**
 * Everything a `TallyCounter` has counted, as plain data a worker thread can send back (structured-cloneable):
 * each accumulator's numbers by its key, the breakdown columns' categories in the order of the codes its
 * breakdown cells use, and each list's names or texts by list id. Its size grows with the categories met and
 * the names and texts listed, never with the cases counted.
 */
export const counterStateSchema = z.strictObject({
  /** The framework and period counted: only a counter over the same ones can absorb it. */
  framework: z.strictObject({ id: z.string(), version: z.string() }),
  period: z.strictObject({ from: z.number().int(), to: z.number().int() }),
  categories: z.record(z.string(), z.array(z.string())),
  accumulators: z.record(z.string(), accumulatorStateSchema),
  lists: z.record(z.string(), listStateSchema),
});
export type CounterState = z.infer<typeof counterStateSchema>;

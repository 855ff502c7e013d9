import { z } from 'zod';
import type { Framework } from '../../frameworks/schema';
import type { Period } from '../tally/period';
import type { TableRow } from './narrativeTableRows';

/** A figure as found in a return: a number, a blank, or text someone typed into a number cell ("***", "N/A"). */
export const figureCellSchema = z.union([z.number(), z.string(), z.null()]);
export type FigureCell = z.infer<typeof figureCellSchema>;

/** A return to check, whether it came from a tally's JSON or (later) a workbook. */
export interface ReturnData {
  /** Where it came from, for messages: a file name. */
  source: string;
  framework: Framework;
  period: Period | null;
  values: Record<string, FigureCell>;
  /** Where each figure sits in a workbook ("Outputs!C7"), when read from one. */
  cells: Record<string, string>;
  /** Case studies and other lists, as the tally report gives them. */
  lists: Record<string, unknown>;
  /** The rows typed into each of the framework's tables, when read from a workbook or given in a figures file. */
  tables?: Record<string, TableRow[]>;
  /**
   * The figures this return holds, when it holds only some (a commissioner's own template asks for what it
   * asks for): rules over others do not apply. Absent: every figure of the framework.
   */
  held?: ReadonlySet<string>;
  /** The provider the return names (its provider cell); absent or null where it names none. */
  provider?: string | null;
  /** The service profile the return is made under; absent: the framework's default. Figures outside it are not applicable. */
  profile?: string | null;
}

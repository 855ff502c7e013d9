import { z } from 'zod';
import type { CheckOutcome } from '../returnSession';
import type { Submission } from '../../commands/prepareSubmission';
import type { TemplateMapping } from '../../commands/mapTemplate';
import type { Finding } from '../../engine/checks/findings';
import { mappingSchema } from '../../engine/mapping/mapping';
import type { TallyReport } from '../../engine/report/tallyReport';
import { caseSourceSchema, eventSourceSchema } from '../caseSource';

/**
 * What the page asks of its worker and what the worker answers, checked on arrival at both ends. A workbook
 * lives in the worker and is named by a session number; case data and workbooks travel as transferred bytes.
 */
const session = z.number().int().nonnegative();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Frameworks are named: the worker holds the built-in ones, and is sent those loaded in the page with each step. */
const frameworkId = z.string().min(1);

export const requestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('open'), bytes: z.instanceof(ArrayBuffer), name: z.string() }),
  z.object({ op: z.literal('create'), name: z.string() }),
  z.object({ op: z.literal('countCases'), cases: caseSourceSchema }),
  z.object({ op: z.literal('describe'), session }),
  z.object({ op: z.literal('fill'), session, frameworkId, from: isoDay, to: isoDay, cases: caseSourceSchema.nullable(), events: z.array(eventSourceSchema), overwrite: z.boolean(), profile: z.string().nullable() }),
  z.object({ op: z.literal('check'), session }),
  z.object({ op: z.literal('writeFindings'), session, explanations: z.array(z.tuple([z.string(), z.string()])) }),
  z.object({ op: z.literal('map'), session, frameworkId, previous: mappingSchema.nullable() }),
  z.object({ op: z.literal('useMapping'), session, mapping: mappingSchema }),
  z.object({ op: z.literal('saveMapping'), session, frameworkId, mapping: mappingSchema }),
  z.object({ op: z.literal('copy'), session }),
  z.object({ op: z.literal('prepareSubmission'), session }),
  z.object({ op: z.literal('file'), session }),
  z.object({ op: z.literal('release'), session }),
  /**
   * A fill of a workbook the page holds (Excel's open one): the worker reads and counts the rows, and reads and
   * writes the workbook through the page (`port` replies, answered by `portAnswer`), which alone can reach it.
   */
  z.object({ op: z.literal('fillThrough'), name: z.string(), frameworkId, from: isoDay, to: isoDay, cases: caseSourceSchema.nullable(), events: z.array(eventSourceSchema), overwrite: z.boolean(), profile: z.string().nullable(), mapping: mappingSchema.nullable() }),
]);
export type WorkerRequest = z.infer<typeof requestSchema>;

export const pageMessageSchema = z.discriminatedUnion('type', [
  /** `frameworks`: those loaded from files in the page, checked again by the worker before it uses them. */
  z.object({ type: z.literal('run'), id: z.number().int(), request: requestSchema, frameworks: z.array(z.unknown()).default([]) }),
  z.object({ type: z.literal('cancel'), id: z.number().int() }),
  /** The page's answer to a workbook call of a `fillThrough` step: its value, or what went wrong. */
  z.object({ type: z.literal('portAnswer'), id: z.number().int(), call: z.number().int(), value: z.unknown() }),
  z.object({ type: z.literal('portFailed'), id: z.number().int(), call: z.number().int(), message: z.string(), input: z.boolean() }),
]);
export type PageMessage = z.infer<typeof pageMessageSchema>;

const stage = z.enum(['reading', 'tallying', 'checking', 'writing']);
/** The workbook calls a fill makes (a spool is the worker's own: its rows arrive as writes). */
export const portMethod = z.enum(['sheetNames', 'names', 'read', 'readUsed', 'readGrid', 'formulas', 'looks', 'apply']);
export type PortMethod = z.infer<typeof portMethod>;

export const workerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), id: z.number().int(), stage, done: z.number(), total: z.number().nullable() }),
  z.object({ type: z.literal('done'), id: z.number().int(), value: z.unknown() }),
  /** `input` says the message is for the person (an InputError), not a fault. */
  z.object({ type: z.literal('failed'), id: z.number().int(), message: z.string(), input: z.boolean() }),
  z.object({ type: z.literal('cancelled'), id: z.number().int() }),
  /**
   * A workbook call of a `fillThrough` step, for the page to make on its workbook. The writes of `apply` come in
   * parts (`more` until the last), so the page never takes a whole export's cells in one message.
   */
  z.object({ type: z.literal('port'), id: z.number().int(), call: z.number().int(), method: portMethod, args: z.array(z.unknown()), more: z.boolean() }),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;

/** What each request answers with (the worker is this page's own code: the envelope is checked, the value typed). */
export interface WorkerResults {
  open: { session: number };
  create: { session: number };
  countCases: { rows: number };
  describe: { recognised: boolean; caseSheets: string[] };
  fill: TallyReport;
  check: CheckOutcome;
  writeFindings: Finding[];
  map: TemplateMapping;
  useMapping: null;
  saveMapping: null;
  copy: { session: number };
  prepareSubmission: Submission;
  /** The workbook as an .xlsx file, made in the worker: the page only hands it to the browser's downloads. */
  file: Blob;
  release: null;
  fillThrough: TallyReport;
}
export type ResultOf<R extends WorkerRequest> = WorkerResults[R['op']];

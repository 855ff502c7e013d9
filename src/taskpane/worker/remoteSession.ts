import type { TemplateMapping } from '../../commands/mapTemplate';
import type { Submission } from '../../commands/prepareSubmission';
import type { Finding } from '../../engine/checks/findings';
import type { Mapping } from '../../engine/mapping/mapping';
import type { RunOptions } from '../../engine/progress';
import type { TallyReport } from '../../engine/report/tallyReport';
import { periodToIso, type Period } from '../../engine/tally/period';
import type { Framework } from '../../frameworks/schema';
import type { CaseSource, GivenRows } from '../caseSource';
import type { PaneSession } from '../paneHost';
import type { CheckOutcome } from '../returnSession';
import { WorkerClient } from './workerClient';

/** Bytes handed to the worker, not copied: a case or event file's bytes are read again from the file for the next step. */
export const transferOf = (...sources: (CaseSource | null)[]): Transferable[] => sources.flatMap((s) => (s?.kind === 'bytes' ? [s.bytes] : []));

/**
 * A workbook held in the page's worker, worked on as the pane works on any workbook: each call is a step the
 * worker runs while the page stays responsive. A workbook opened or started in the page gets a worker of its
 * own, so cancelling its first steps ends that worker and leaves every other workbook as it was.
 */
export class RemoteSession implements PaneSession {
  private constructor(
    private readonly client: WorkerClient,
    private readonly id: number,
    readonly name: string,
    /** Whether this workbook's worker is its own (ended when let go), or one it shares as a copy. */
    private readonly ownsWorker: boolean,
  ) {}

  /** Reads a workbook file's bytes in a worker of its own. */
  static async open(bytes: ArrayBuffer, name: string, options: RunOptions = {}): Promise<RemoteSession> {
    return RemoteSession.start(name, (client) => client.request({ op: 'open', bytes, name }, options, [bytes]));
  }

  /** A new, empty workbook in a worker of its own. */
  static async create(name: string, options: RunOptions = {}): Promise<RemoteSession> {
    return RemoteSession.start(name, (client) => client.request({ op: 'create', name }, options));
  }

  /** How many case rows a source holds, read in a worker used for that alone. */
  static async countCases(cases: CaseSource, options: RunOptions = {}): Promise<number> {
    const client = new WorkerClient();
    try {
      return (await client.request({ op: 'countCases', cases }, options, transferOf(cases))).rows;
    } finally {
      client.end();
    }
  }

  private static async start(name: string, first: (client: WorkerClient) => Promise<{ session: number }>): Promise<RemoteSession> {
    const client = new WorkerClient();
    try {
      return new RemoteSession(client, (await first(client)).session, name, true);
    } catch (e) {
      client.end();
      throw e;
    }
  }

  /** The page keeps this workbook: from now on a cancelled step asks its worker to stop rather than ending it. */
  keep(): void {
    this.client.fresh = false;
  }

  /** Lets the workbook go: its own worker ends; a copy is dropped from the worker it shares. */
  release(): void {
    if (this.ownsWorker) this.client.end();
    else void this.client.request({ op: 'release', session: this.id }).catch(() => undefined);
  }

  private async describe() {
    return this.client.request({ op: 'describe', session: this.id });
  }

  async recognised(): Promise<boolean> {
    return (await this.describe()).recognised;
  }

  async caseSheets(): Promise<string[]> {
    return (await this.describe()).caseSheets;
  }

  fill(framework: Framework, period: Period, { cases, events }: GivenRows, overwrite = false, profile: string | null = null, options: RunOptions = {}): Promise<TallyReport> {
    const { from, to } = periodToIso(period);
    return this.client.request({ op: 'fill', session: this.id, frameworkId: framework.id, from, to, cases, events: [...events], overwrite, profile }, options, transferOf(cases, ...events.map((e) => e.source)));
  }

  check(options: RunOptions = {}): Promise<CheckOutcome> {
    return this.client.request({ op: 'check', session: this.id }, options);
  }

  writeFindings(explanations: ReadonlyMap<string, string>, options: RunOptions = {}): Promise<Finding[]> {
    return this.client.request({ op: 'writeFindings', session: this.id, explanations: [...explanations] }, options);
  }

  map(framework: Framework, previous: Mapping | null = null): Promise<TemplateMapping> {
    return this.client.request({ op: 'map', session: this.id, frameworkId: framework.id, previous });
  }

  useMapping(mapping: Mapping): void {
    // Asked in order with the steps after it, which see it; it only sets what those steps read through.
    void this.client.request({ op: 'useMapping', session: this.id, mapping }).catch(() => undefined);
  }

  async saveMapping(mapping: Mapping, framework: Framework): Promise<void> {
    await this.client.request({ op: 'saveMapping', session: this.id, frameworkId: framework.id, mapping });
  }

  prepareSubmission(options: RunOptions = {}): Promise<Submission> {
    return this.client.request({ op: 'prepareSubmission', session: this.id }, options);
  }

  /** An independent copy in the same worker, to change without touching this one. */
  async copy(options: RunOptions = {}): Promise<RemoteSession> {
    const { session } = await this.client.request({ op: 'copy', session: this.id }, options);
    return new RemoteSession(this.client, session, this.name, false);
  }

  /** The workbook as an .xlsx file, made by the worker. */
  file(options: RunOptions = {}): Promise<Blob> {
    return this.client.request({ op: 'file', session: this.id }, options);
  }
}

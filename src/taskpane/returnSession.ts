import { annotateReturn, readExplanations } from '../commands/annotateReturn';
import { checkWorkbook } from '../commands/checkWorkbook';
import { fillReturn } from '../commands/fillReturn';
import { CASE_SHEETS, prepareSubmission, type Submission } from '../commands/prepareSubmission';
import { mappingOperations } from '../commands/mappedWorkbook';
import { describeMappingIssues, mapTemplate, refuseUnfitMapping, type TemplateMapping } from '../commands/mapTemplate';
import { readCaseData } from '../commands/readCaseData';
import { returnSheets, RETURN_NAMES } from '../commands/returnLayout';
import { blankCaseDataSheet } from '../commands/caseTable';
import { jsDateOfDay } from '../engine/cases/dates';
import type { RawTable } from '../engine/cases/rawTable';
import type { ReadReturn } from '../commands/readReturn';
import type { Finding } from '../engine/checks/findings';
import { mappingFrameworkIssues, type Mapping } from '../engine/mapping/mapping';
import { InputError } from '../errors';
import type { TallyReport } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import type { Framework } from '../frameworks/schema';
import type { WorkbookPort } from '../workbook/port';
import { paneFramework } from './paneFrameworks';
import type { RunOptions } from '../engine/progress';
import { caseTableOf, eventRowsOf, type CaseSource, type GivenRows } from './caseSource';

export interface CheckOutcome {
  findings: Finding[];
  /** The return as read: its framework, its period (from its own cells) and its figures. */
  read: ReadReturn;
  /** Explanations already in the workbook's Findings sheet, by finding. */
  explanations: Map<string, string>;
}

/** A fill's reading and counting run elsewhere (Excel's pane: in a worker), reading and writing through `port`. */
export type FillElsewhere = (
  port: WorkbookPort,
  fill: { name: string; framework: Framework; period: Period; given: GivenRows; overwrite: boolean; profile: string | null; mapping: Mapping | null },
  options: RunOptions,
) => Promise<TallyReport>;

/**
 * What the task pane does with a workbook, whether the open one in Excel or a file in the browser: the same
 * commands the command line tool runs, against the workbook port.
 */
export class ReturnSession {
  /** A commissioner's template mapped in the pane but not yet saved into it: fill and check read through it. */
  private mapping: Mapping | null = null;

  constructor(
    readonly port: WorkbookPort,
    readonly name: string,
    /** Where a fill from given rows reads and counts them, when not here (Excel's pane keeps its own thread free). */
    private readonly fillElsewhere?: FillElsewhere,
  ) {}

  /** Whether the workbook says which return it is (one from a template, or a mapped commissioner's template), or is being mapped. */
  async recognised(): Promise<boolean> {
    return this.mapping !== null || (await this.port.names()).some((n) => n.name === RETURN_NAMES.framework);
  }

  /** Proposes a mapping of a commissioner's template, keeping last period's bindings where given; fill and check use it until it is saved. */
  async map(framework: Framework, previous: Mapping | null = null): Promise<TemplateMapping> {
    const misfits = previous ? mappingFrameworkIssues(previous, framework) : [];
    if (misfits.length) throw new InputError(`The imported mapping does not fit ${framework.title}:\n${describeMappingIssues(misfits)}`);
    const proposal = await mapTemplate(this.port, framework, previous);
    this.mapping = proposal.mapping;
    return proposal;
  }

  /** The mapping as the person has corrected it. */
  useMapping(mapping: Mapping): void {
    this.mapping = mapping;
  }

  /** Writes the mapping into the workbook as defined names, once checked against it; from then on the workbook's names say where each figure is. */
  async saveMapping(mapping: Mapping, framework: Framework): Promise<void> {
    await refuseUnfitMapping(this.port, mapping, framework, 'fill', `The mapping cannot be saved into ${this.name}`);
    await this.port.apply(mappingOperations(mapping, framework, await this.port.sheetNames()));
    this.mapping = null;
  }

  async insertTemplate(framework: Framework, period: Period | null, profile: string | null = null): Promise<void> {
    const { operations } = returnSheets(framework, () => null, { profile, ...(period ? { period: { from: jsDateOfDay(period.from), to: jsDateOfDay(period.to) } } : {}) });
    await this.port.apply([...operations, ...blankCaseDataSheet(framework)]);
  }

  /**
   * Fills the return from case rows (pasted, or read from a file), or from its own case-data sheet, with the
   * event tables given beside them: the same fill the command line runs with --events.
   */
  async fill(framework: Framework, period: Period, given: { cases: CaseSource | RawTable | null; events?: GivenRows['events'] }, overwrite = false, profile: string | null = null, options: RunOptions = {}): Promise<TallyReport> {
    const { cases } = given;
    if (this.fillElsewhere && (cases === null || 'kind' in cases)) {
      const report = await this.fillElsewhere(this.port, { name: this.name, framework, period, given: { cases, events: given.events ?? [] }, overwrite, profile, mapping: this.mapping }, options);
      this.mapping = null;
      return report;
    }
    const events = await eventRowsOf(given.events ?? []);
    const table = cases === null ? await readCaseData(this.port, this.name) : 'kind' in cases ? await caseTableOf(cases) : cases;
    const report = (await fillReturn(this.port, { framework, period, table, events, overwrite, profile, ...(this.mapping ? { mapping: this.mapping } : {}), ...options })).report;
    // A fill through a mapping writes it into the workbook, as saving does.
    this.mapping = null;
    return report;
  }

  async check(): Promise<CheckOutcome> {
    const { findings, read } = await checkWorkbook(this.port, this.name, { mapping: this.mapping, frameworkFor: paneFramework });
    return { findings, read, explanations: await readExplanations(this.port) };
  }

  /** Writes the findings, highlights, notes and the provider's explanations into the workbook. */
  async writeFindings(explanations: ReadonlyMap<string, string>): Promise<Finding[]> {
    const { read, findings } = await checkWorkbook(this.port, this.name, { mapping: this.mapping, frameworkFor: paneFramework });
    await annotateReturn(this.port, read, findings, explanations);
    return findings;
  }

  /** The case sheets the workbook holds: while there are any, it is not the copy to send. */
  async caseSheets(): Promise<string[]> {
    return (await this.port.sheetNames()).filter((s) => (CASE_SHEETS as readonly string[]).includes(s));
  }

  /** Turns this workbook into the copy sent to the commissioner: figures kept, case data removed. */
  async prepareSubmission(): Promise<Submission> {
    return prepareSubmission(this.port, this.name, paneFramework);
  }
}


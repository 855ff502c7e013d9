import { annotateReturn, readExplanations } from '../commands/annotateReturn';
import { checkWorkbook } from '../commands/checkWorkbook';
import { fillReturn } from '../commands/fillReturn';
import { CASE_SHEETS, prepareSubmission, type Submission } from '../commands/prepareSubmission';
import { readCaseData } from '../commands/readCaseData';
import { returnSheets } from '../commands/returnLayout';
import { blankCaseDataSheet } from '../commands/caseTable';
import { jsDateOfDay } from '../engine/cases/dates';
import type { Finding } from '../engine/checks/findings';
import type { TallyReport } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import type { Framework } from '../frameworks/schema';
import { readDelimited } from '../tables/readDelimited';
import type { WorkbookPort } from '../workbook/port';

export interface CheckOutcome {
  findings: Finding[];
  /** Explanations already in the workbook's Findings sheet, by finding. */
  explanations: Map<string, string>;
}

/**
 * What the task pane does with a workbook, whether the open one in Excel or a file in the browser: the same
 * commands the command line tool runs, against the workbook port.
 */
export class ReturnSession {
  constructor(
    readonly port: WorkbookPort,
    readonly name: string,
  ) {}

  async insertTemplate(framework: Framework, period: Period | null): Promise<void> {
    const { operations } = returnSheets(framework, () => null, period ? { period: { from: jsDateOfDay(period.from), to: jsDateOfDay(period.to) } } : {});
    await this.port.apply([...operations, ...blankCaseDataSheet(framework)]);
  }

  /** Fills the return from case rows pasted as text (what Excel copies), or from its own case-data sheet. */
  async fill(framework: Framework, period: Period, pasted: string | null, overwrite = false): Promise<TallyReport> {
    const table = pasted ? readDelimited(pasted, 'the pasted case rows') : await readCaseData(this.port, this.name);
    return (await fillReturn(this.port, { framework, period, table, overwrite })).report;
  }

  async check(): Promise<CheckOutcome> {
    const { findings } = await checkWorkbook(this.port, this.name);
    return { findings, explanations: await readExplanations(this.port) };
  }

  /** Writes the findings, highlights, notes and the provider's explanations into the workbook. */
  async writeFindings(explanations: ReadonlyMap<string, string>): Promise<Finding[]> {
    const { read, findings } = await checkWorkbook(this.port, this.name);
    await annotateReturn(this.port, read, findings, explanations);
    return findings;
  }

  /** The case sheets the workbook holds: while there are any, it is not the copy to send. */
  async caseSheets(): Promise<string[]> {
    return (await this.port.sheetNames()).filter((s) => (CASE_SHEETS as readonly string[]).includes(s));
  }

  /** Turns this workbook into the copy sent to the commissioner: figures kept, case data removed. */
  async prepareSubmission(): Promise<Submission> {
    return prepareSubmission(this.port, this.name);
  }
}

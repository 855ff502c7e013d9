import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import { catalogueFinding, type Finding } from '../engine/checks/findings';
import type { RuleOverrides } from '../engine/checks/overrides';
import type { ReturnData } from '../engine/checks/returnData';
import { runChecks, sortFindings } from '../engine/checks/runChecks';
import { templateVersionFindings } from '../engine/checks/templateVersion';
import { figuresAddedSince } from '../frameworks/versions';
import type { WorkbookPort } from '../workbook/port';
import type { Mapping } from '../engine/mapping/mapping';
import { readReturn, type ReadReturn } from './readReturn';
import { caseStudyNames } from './caseStudyNames';
import { reconcile } from './reconcile';
import { CASE_DATA_SHEET, eventDataSheet } from './returnLayout';
import type { EventRows } from '../engine/events/eventImport';

type CheckOptions = { previous?: ReturnData | null; overridesFor?: (framework: Framework) => RuleOverrides | null };

/** Checks a received workbook: its rules, its template version, and its typed figures against its own case data. */
export async function checkWorkbook(
  port: WorkbookPort,
  source: string,
  options: CheckOptions & { frameworkFor?: (id: string) => Framework; mapping?: Mapping | null } = {},
): Promise<{ read: ReadReturn; findings: Finding[] }> {
  const read = await readReturn(port, source, options.frameworkFor, options.mapping ?? null);
  return { read, findings: await checkReadReturn(port, read, options) };
}

/** Checks a workbook already read as a return (see checkWorkbook). */
export async function checkReadReturn(port: WorkbookPort, read: ReadReturn, options: CheckOptions = {}): Promise<Finding[]> {
  const { framework, source } = read.data;
  // A return made from an earlier template holds no figures added since: rules over them do not apply.
  const added = new Set(figuresAddedSince(framework, read.version));
  const held = added.size ? new Set([...(read.data.held ?? figuresOf(framework).map((f) => f.id))].filter((id) => !added.has(id))) : read.data.held;
  let findings = runChecks({ ...read.data, ...(held ? { held } : {}) }, { previous: options.previous, overrides: options.overridesFor?.(framework) ?? null });
  findings.push(...templateVersionFindings(framework, read.version, read.data.profile ?? null));
  if (read.lost.length)
    findings.push(
      catalogueFinding('figure_names_lost', {
        severity: 'query',
        figures: read.lost,
        cells: [],
        params: {},
        message: `${read.lost.length} figure${read.lost.length === 1 ? ' has' : 's have'} lost the cell name that says where ${read.lost.length === 1 ? 'it is' : 'they are'} (someone deleted or renamed them), so ${read.lost.length === 1 ? 'it was' : 'they were'} not read or checked: ${read.lost.slice(0, 5).join(', ')}${read.lost.length > 5 ? ` and ${read.lost.length - 5} more` : ''}.`,
        hint: 'Map the workbook again (returns map FILE.xlsx --framework ID --out mapping.json) and check it with --mapping mapping.json, or fill a fresh template.',
      }),
    );
  if ((await port.sheetNames()).includes(CASE_DATA_SHEET)) {
    const rows = await port.readUsed(CASE_DATA_SHEET);
    const caseData = { source: `${source}, sheet "${CASE_DATA_SHEET}"`, rows };
    if (rows.length > 1) findings = [...reconcile(read, caseData, findings, await eventRowsHeld(port, framework, source)), ...caseStudyNames(read, caseData)];
  }
  return sortFindings(findings);
}

/** The event rows a workbook holds as given (each table's event-data sheet), to reconcile the event figures with. */
async function eventRowsHeld(port: WorkbookPort, framework: Framework, source: string): Promise<EventRows[]> {
  const sheets = await port.sheetNames();
  const held: EventRows[] = [];
  for (const table of framework.events) {
    const sheet = eventDataSheet(table.id);
    if (sheets.includes(sheet)) held.push({ table: table.id, rows: { source: `${source}, sheet "${sheet}"`, rows: await port.readUsed(sheet) } });
  }
  return held;
}

import { Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import { rowIssueCount, type TallyReport } from '../engine/report/tallyReport';
import { drawnWhenNear } from './drawnWhenNear';
import { inPageTerms } from './pageWording';
import { paneFramework } from './paneFrameworks';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '4px' },
  list: { margin: 0, paddingLeft: '20px', overflowWrap: 'anywhere' },
  issue: drawnWhenNear,
  fix: { color: tokens.colorNeutralForeground3 },
});

/** How many rows were shown at once: the rest are counted, and all are in the filled workbook's notes. */
const SHOWN = 50;

/** One table the last fill read, the case data or an event table, with its own notes and row issues. */
interface TableRead {
  heading: string;
  read: string;
  notes: TallyReport['notes'];
  issues: TallyReport['rowIssues'];
  /** Its issues, those beyond the first of each kind included. */
  total: number;
}

/**
 * The last fill's tables: the case data's first, then each event table given, each with the issues and notes of
 * its own rows (an event table's come named by its file). `labels` names event tables by id.
 */
export function tablesRead(tally: TallyReport, labels: ReadonlyMap<string, string>): TableRead[] {
  const ofSource = (source: string | undefined): Pick<TableRead, 'issues' | 'total'> => {
    const issues = tally.rowIssues.filter((i) => i.source === source);
    return { issues, total: rowIssueCount({ rowIssues: issues, moreRowIssues: tally.moreRowIssues.filter((m) => m.source === source) }) };
  };
  const events = tally.events ?? [];
  const ownNote = (source: string) => (note: TallyReport['notes'][number]) => note.message.startsWith(`${source}: `);
  const cases: TableRead = {
    heading: 'Case data read',
    read: `${tally.cases?.rows ?? 0} case rows read${tally.source ? ` from ${tally.source}` : ''}; ${tally.cases?.notCounted ?? 0} not counted (a repeated Case ID, or no usable referral date).`,
    notes: tally.notes.filter((note) => !events.some((e) => ownNote(e.source)(note))).map((note) => ({ ...note, message: inPageTerms(note.message) })),
    ...ofSource(undefined),
  };
  return [
    cases,
    ...events.map((e) => ({
      heading: `${labels.get(e.table) ?? e.table} read`,
      read: `${e.rows} rows read from ${e.source}; ${e.notCounted} not counted (a Case ID not in the case data, or an event given twice).`,
      notes: tally.notes.filter(ownNote(e.source)),
      ...ofSource(e.source),
    })),
  ];
}

/** The event tables' labels of the return a tally is of, by id (none when the pane no longer knows it). */
function eventLabels(frameworkId: string): Map<string, string> {
  try {
    return new Map(paneFramework(frameworkId).events.map((t) => [t.id, t.label]));
  } catch {
    return new Map();
  }
}

/** What the last fill read: for the case data and each event table, rows read and not counted, and each row issue with what to do; drawn again only for another fill. */
export const TallySummary = memo(function TallySummary({ tally }: { tally: TallyReport }) {
  const styles = useStyles();
  const tables = tablesRead(tally, eventLabels(tally.framework));
  return (
    <>
      {tables.map((table, t) => (
        <section key={t} className={styles.section} aria-labelledby={`tally-heading-${t}`}>
          <Title3 as="h2" id={`tally-heading-${t}`}>
            {table.heading}
          </Title3>
          <Text>{table.read}</Text>
          {table.notes.map((note, i) => (
            <Text key={i}>{note.message}</Text>
          ))}
          {table.issues.length > 0 && (
            <>
              <Text as="h3" weight="semibold" size={400}>
                Row issues ({table.total})
              </Text>
              <ul className={styles.list}>
                {table.issues.slice(0, SHOWN).map((issue, i) => (
                  <li key={i} className={styles.issue}>
                    <Text>
                      Row {issue.row}
                      {issue.caseId ? ` (case ${issue.caseId})` : ''}
                      {issue.column ? `, ${issue.column}` : ''}: {issue.message}
                    </Text>{' '}
                    <Text className={styles.fix}>{issue.fix}</Text>
                  </li>
                ))}
              </ul>
              {table.total > Math.min(table.issues.length, SHOWN) && <Text>… and {table.total - Math.min(table.issues.length, SHOWN)} more.</Text>}
            </>
          )}
        </section>
      ))}
    </>
  );
});

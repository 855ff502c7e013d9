import { Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { rowIssueCount, type TallyReport } from '../engine/report/tallyReport';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '4px' },
  list: { margin: 0, paddingLeft: '20px', overflowWrap: 'anywhere' },
  fix: { color: tokens.colorNeutralForeground3 },
});

/** How many rows were shown at once: the rest are counted, and all are in the filled workbook's notes. */
const SHOWN = 50;

/** What the last fill read: rows read and not counted, blank figures and each row issue with what to do. */
export function TallySummary({ tally }: { tally: TallyReport }) {
  const styles = useStyles();
  const issues = tally.rowIssues;
  // Beyond the first of each kind, issues come by row only: they are counted here, and all are in the workbook's notes.
  const total = rowIssueCount(tally);
  return (
    <section className={styles.section} aria-labelledby="tally-heading">
      <Title3 as="h2" id="tally-heading">
        Case data read
      </Title3>
      <Text>
        {tally.cases?.rows ?? 0} case rows read{tally.source ? ` from ${tally.source}` : ''}; {tally.cases?.notCounted ?? 0} not counted (a repeated Case ID, or no usable referral date).
      </Text>
      {tally.notes.map((note, i) => (
        <Text key={i}>{note.message}</Text>
      ))}
      {issues.length > 0 && (
        <>
          <Text as="h3" weight="semibold" size={400}>
            Row issues ({total})
          </Text>
          <ul className={styles.list}>
            {issues.slice(0, SHOWN).map((issue, i) => (
              <li key={i}>
                <Text>
                  Row {issue.row}
                  {issue.caseId ? ` (case ${issue.caseId})` : ''}
                  {issue.column ? `, ${issue.column}` : ''}: {issue.message}
                </Text>{' '}
                <Text className={styles.fix}>{issue.fix}</Text>
              </li>
            ))}
          </ul>
          {total > Math.min(issues.length, SHOWN) && <Text>… and {total - Math.min(issues.length, SHOWN)} more.</Text>}
        </>
      )}
    </section>
  );
}

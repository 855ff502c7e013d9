import { Badge, Button, Label, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useId } from 'react';
import { explanationKey } from '../commands/annotateReturn';
import type { Finding } from '../engine/checks/findings';
import { drawnWhenNear } from './drawnWhenNear';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: '8px', marginBottom: '16px' },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '12px' },
  finding: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: '8px', display: 'flex', flexDirection: 'column', gap: '4px', overflowWrap: 'anywhere', ...drawnWhenNear },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  query: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  hint: { color: tokens.colorNeutralForeground3 },
  cells: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center' },
});

const GROUPS = [
  { severity: 'error', heading: 'Errors: must be fixed', colour: 'danger' },
  { severity: 'query', heading: 'Queries: fix or explain', colour: 'warning' },
  { severity: 'info', heading: 'For information', colour: 'informative' },
] as const;

export interface FindingsListProps {
  findings: Finding[];
  explanations: ReadonlyMap<string, string>;
  onExplain(key: string, text: string): void;
  /** Shows one of a finding's cells. */
  onShow(finding: Finding, cell: string): void;
  /** The cell last shown, to say so beside its finding. */
  shown: { finding: Finding; cell: string } | null;
}

/**
 * Findings grouped by severity with counts; each shows its arithmetic, what to do, every cell it touches, and a query
 * takes an explanation. Drawn again only when what it shows changes, not at every step the page starts or ends.
 */
export const FindingsList = memo(function FindingsList({ findings, explanations, onExplain, onShow, shown }: FindingsListProps) {
  const styles = useStyles();
  if (findings.length === 0) return <Text role="status">No problems found.</Text>;
  return (
    <div>
      {GROUPS.map(({ severity, heading, colour }) => {
        const group = findings.filter((f) => f.severity === severity);
        if (!group.length) return null;
        return (
          <section key={severity} className={styles.group} aria-label={heading}>
            <Text as="h3" weight="semibold" size={400}>
              {heading} <Badge appearance="filled" color={colour}>{group.length}</Badge>
            </Text>
            <ul className={styles.list}>
              {group.map((finding, i) => (
                <li key={`${explanationKey(finding)}|${i}`} className={`${styles.finding} ${styles[severity]}`}>
                  <FindingItem finding={finding} explanation={explanations.get(explanationKey(finding)) ?? ''} onExplain={onExplain} onShow={onShow} shownCell={shown?.finding === finding ? shown.cell : null} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
});

function FindingItem({ finding, explanation, onExplain, onShow, shownCell }: { finding: Finding; explanation: string; onExplain: FindingsListProps['onExplain']; onShow: FindingsListProps['onShow']; shownCell: string | null }) {
  const styles = useStyles();
  const messageId = useId();
  const labelId = useId();
  const boxId = useId();
  return (
    <>
      <Text id={messageId}>{finding.message}</Text>
      <Text size={200} className={styles.hint}>
        {finding.hint}
      </Text>
      {finding.cells.length > 0 && (
        <div className={styles.cells}>
          {finding.cells.map((cell) => (
            <Button key={cell} size="small" appearance="subtle" onClick={() => onShow(finding, cell)} aria-label={`Go to ${cell}: ${finding.message}`}>
              Go to {cell}
            </Button>
          ))}
          {shownCell && <Text role="status">Showing {shownCell}</Text>}
        </div>
      )}
      {finding.cases && finding.cases.length > 0 && <Text size={200}>Cases behind it (Case IDs): {finding.cases.join(', ')}</Text>}
      {finding.severity === 'query' && (
        // Named by its finding as well, so a screen reader tells each box apart.
        <>
          <Label id={labelId} htmlFor={boxId}>
            Explanation for the commissioner
          </Label>
          <Textarea id={boxId} aria-labelledby={`${labelId} ${messageId}`} value={explanation} onChange={(_, data) => onExplain(explanationKey(finding), data.value)} resize="vertical" />
        </>
      )}
    </>
  );
}

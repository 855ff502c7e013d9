import { Badge, Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { explanationKey } from '../commands/annotateReturn';
import type { Finding } from '../engine/checks/findings';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: '8px', marginBottom: '16px' },
  finding: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: '8px', display: 'flex', flexDirection: 'column', gap: '4px' },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  query: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  hint: { color: tokens.colorNeutralForeground3 },
  goTo: { alignSelf: 'flex-start' },
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
  onSelect(finding: Finding): void;
}

/** Findings grouped by severity with counts; each shows its arithmetic and what to do, and a query takes an explanation. */
export function FindingsList({ findings, explanations, onExplain, onSelect }: FindingsListProps) {
  const styles = useStyles();
  if (findings.length === 0) return <Text role="status">No problems found.</Text>;
  return (
    <div>
      {GROUPS.map(({ severity, heading, colour }) => {
        const group = findings.filter((f) => f.severity === severity);
        if (!group.length) return null;
        return (
          <section key={severity} className={styles.group} aria-label={heading}>
            <Text as="h3" weight="semibold">
              {heading} <Badge appearance="filled" color={colour}>{group.length}</Badge>
            </Text>
            <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 12 }}>
              {group.map((finding, i) => {
                const key = explanationKey(finding);
                return (
                  <li key={`${key}|${i}`} className={`${styles.finding} ${styles[severity]}`}>
                    <Text>{finding.message}</Text>
                    <Text size={200} className={styles.hint}>{finding.hint}</Text>
                    {finding.cells[0] && (
                      <Button size="small" appearance="subtle" className={styles.goTo} onClick={() => onSelect(finding)} aria-label={`Go to ${finding.cells[0]}: ${finding.message}`}>
                        Go to {finding.cells[0]}
                      </Button>
                    )}
                    {severity === 'query' && (
                      <Field label="Explanation for the commissioner">
                        <Textarea value={explanations.get(key) ?? ''} onChange={(_, data) => onExplain(key, data.value)} resize="vertical" />
                      </Field>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

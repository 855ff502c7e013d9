import { Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { explanationKey } from '../commands/annotateReturn';
import type { ReadReturn } from '../commands/readReturn';
import type { Finding } from '../engine/checks/findings';
import type { TallyReport } from '../engine/report/tallyReport';
import { periodToIso } from '../engine/tally/period';
import type { FigureRow, SectionRows } from './returnFigures';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: '8px' },
  table: { width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse', overflowWrap: 'anywhere' },
  cell: { padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top', textAlign: 'left' },
  marked: { backgroundColor: tokens.colorPaletteYellowBackground2, outline: `2px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  summary: { cursor: 'pointer', paddingBlock: '4px' },
});

const SEVERITY = { error: 'error', query: 'query', info: 'note' } as const;

export interface ReturnViewProps {
  read: ReadReturn;
  sections: SectionRows[];
  findings: Finding[];
  tally: TallyReport | null;
  explanations: ReadonlyMap<string, string>;
  /** The cell a finding was followed to: its section opens, its row is scrolled into view and marked. */
  marked: string | null;
}

/** The return at a glance: a summary, then every figure section by section (value, cell, a mark where a finding touches it); drawn again only when these change. */
export const ReturnView = memo(function ReturnView({ read, sections, findings, tally, explanations, marked }: ReturnViewProps) {
  const styles = useStyles();
  const markedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    markedRow.current?.scrollIntoView?.({ block: 'center' });
  }, [marked]);
  const period = read.data.period ? periodToIso(read.data.period) : null;
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const queries = findings.filter((f) => f.severity === 'query');
  const explained = queries.filter((f) => explanations.get(explanationKey(f))?.trim()).length;
  const isMarked = (figure: FigureRow) => marked !== null && figure.cell.replace(/'/g, '') === marked.replace(/'/g, '');
  return (
    <section className={styles.view} aria-labelledby="glance-heading">
      <Title3 as="h2" id="glance-heading">
        The return at a glance
      </Title3>
      <Text>
        {read.data.framework.title}, {period ? `${period.from} to ${period.to}` : 'period not stated in the workbook'}.
        {tally?.cases ? ` ${tally.cases.rows} case rows read, ${tally.cases.notCounted} not counted.` : ''} {count('error')} errors, {count('query')} queries ({explained} explained), {count('info')} notes.
      </Text>
      {sections.map((section) => (
        <GlanceSection key={section.id} section={section} forced={section.figures.some(isMarked)}>
          {(figures) => figures.map((figure) => (
            <tr key={figure.id} ref={isMarked(figure) ? markedRow : undefined} className={isMarked(figure) ? styles.marked : undefined} aria-current={isMarked(figure) || undefined}>
              <th scope="row" className={styles.cell} style={{ fontWeight: 'normal' }}>
                {figure.label}
                {figure.findings.length > 0 && (
                  <Text size={200} block>
                    {[...new Set(figure.findings.map((f) => SEVERITY[f.severity]))].join(', ')}: {figure.findings.length} finding{figure.findings.length === 1 ? '' : 's'}
                    {casesOf(figure) ? `; cases ${casesOf(figure)}` : ''}
                  </Text>
                )}
              </th>
              <td className={styles.cell}>{figure.value}</td>
              <td className={styles.cell}>{figure.cell}</td>
            </tr>
          ))}
        </GlanceSection>
      ))}
    </section>
  );
});

const casesOf = (figure: FigureRow) => [...new Set(figure.findings.flatMap((f) => f.cases ?? []))].join(', ');

/**
 * One section of the return at a glance, closed until opened (or holding the figure shown): its table is drawn
 * only while open, so a return of hundreds of figures does not hold the page while every row is drawn at once.
 */
function GlanceSection({ section, forced, children }: { section: SectionRows; forced: boolean; children(figures: FigureRow[]): ReactNode }) {
  const styles = useStyles();
  const [opened, setOpened] = useState(false);
  const open = opened || forced;
  const flagged = section.figures.filter((f) => f.findings.length).length;
  return (
    <details open={open || undefined} onToggle={(e) => setOpened(e.currentTarget.open)}>
      <summary className={styles.summary}>
        {section.label}: {section.figures.length} figures{flagged ? `, ${flagged} with findings` : ''}
      </summary>
      {open && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" className={styles.cell} style={{ width: '50%' }}>
                Figure
              </th>
              <th scope="col" className={styles.cell}>
                Value
              </th>
              <th scope="col" className={styles.cell}>
                Cell
              </th>
            </tr>
          </thead>
          <tbody>{children(section.figures)}</tbody>
        </table>
      )}
    </details>
  );
}

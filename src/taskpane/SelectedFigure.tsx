import { Text, Title3, makeStyles } from '@fluentui/react-components';
import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import type { FigureRow } from './returnFigures';

const useStyles = makeStyles({ panel: { display: 'flex', flexDirection: 'column', gap: '4px' } });

/** The figure in the cell selected in Excel: what it counts and what the last check found about it. */
export function SelectedFigure({ framework, cell, figure }: { framework: Framework; cell: string; figure: FigureRow | null }) {
  const styles = useStyles();
  const help = figure ? figuresOf(framework).find((f) => f.id === figure.id)?.template.help : undefined;
  return (
    <section className={styles.panel} aria-labelledby="selected-heading" aria-live="polite">
      <Title3 as="h2" id="selected-heading">
        Selected cell: {cell}
      </Title3>
      {figure ? (
        <>
          <Text weight="semibold">
            {figure.label}: {figure.value}
          </Text>
          {help && <Text>{help}</Text>}
          {figure.findings.length ? figure.findings.map((f, i) => <Text key={i}>{f.message}</Text>) : <Text>No findings about this figure.</Text>}
        </>
      ) : (
        <Text>This cell holds none of the return&apos;s figures.</Text>
      )}
    </section>
  );
}

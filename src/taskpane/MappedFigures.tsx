import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { Mark, SectionCount } from './mappingDraft';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  figure: { justifyContent: 'flex-start', textAlign: 'left', whiteSpace: 'normal', width: '100%', display: 'flex', flexWrap: 'wrap', gap: '4px 8px' },
  cell: { color: tokens.colorNeutralForeground3 },
  considered: { display: 'block', paddingLeft: '12px', color: tokens.colorNeutralForeground3 },
  header: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
});

const COLOURS: Record<Mark | 'not mapped', 'success' | 'warning' | 'brand' | 'informative'> = { sure: 'success', unsure: 'warning', 'by hand': 'brand', 'not mapped': 'informative' };
const MARKS = ['sure', 'unsure', 'by hand', 'not mapped'] as const;

export interface MappedFiguresProps {
  sections: SectionCount[];
  /** Which figures to list: all, or those that need a look (unsure or not mapped). */
  only: 'all' | 'look';
  chosen: string | null;
  onChoose(figure: string, cell: string | null): void;
}

/** The framework's figures by section, each with its cell and mark; sections open on demand, as some hold hundreds. */
export function MappedFigures({ sections, only, chosen, onChoose }: MappedFiguresProps) {
  const styles = useStyles();
  return (
    <Accordion multiple collapsible>
      {sections.map((section) => {
        const figures = only === 'all' ? section.figures : section.figures.filter((f) => f.mark === 'unsure' || f.mark === 'not mapped');
        return (
          <AccordionItem key={section.id} value={section.id}>
            <AccordionHeader as="h3" size="small">
              <span className={styles.header}>
                {section.label}
                <span className={styles.counts}>
                {MARKS.filter((m) => section.counts[m] > 0).map((m) => (
                  <Fragment key={m}>
                    {' '}
                    <Badge appearance="tint" color={COLOURS[m]}>
                      {section.counts[m]} {m}
                    </Badge>
                  </Fragment>
                ))}
                </span>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              {figures.length === 0 ? (
                <Text>Nothing here needs a look.</Text>
              ) : (
                <ul className={styles.list} aria-label={section.label}>
                  {figures.map((f) => (
                    <li key={f.id}>
                      <Button appearance={chosen === f.id ? 'primary' : 'subtle'} aria-pressed={chosen === f.id} className={styles.figure} onClick={() => onChoose(f.id, f.cell)}>
                        <span>{f.label}</span> <span className={chosen === f.id ? undefined : styles.cell}>{f.cell ?? 'no cell'}</span>{' '}
                        <Badge appearance="outline" color={COLOURS[f.mark]}>
                          {f.mark}
                        </Badge>
                      </Button>
                      {f.mark === 'not mapped' && f.considered.length > 0 && (
                        <Text size={200} className={styles.considered}>
                          Considered, too uncertain to bind: {f.considered.slice(0, 3).join(', ')}
                        </Text>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}

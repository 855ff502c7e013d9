import { Text, makeStyles } from '@fluentui/react-components';
import type { EventTable } from '../frameworks/schema';
import { caseColumnHeaders } from '../engine/formulas/names';
import type { CaseSource, EventSource } from './caseSource';
import { CaseDataInput, sourceOf, type CaseRows, type RowsNames } from './CaseDataInput';
import type { RunStep, StepControl } from './paneHost';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: '8px' },
});

/** The rows given for each of the framework's event tables, by table id. */
export type EventRowsGiven = Readonly<Record<string, CaseRows>>;

/** How the pane names one event table's rows: its label, and the columns its rows need. */
export function eventRowsNames(table: EventTable): RowsNames {
  return {
    table: table.label,
    rows: `${table.label.toLowerCase()} rows`,
    next: 'Give the other tables, or fill the return.',
    hint: `With the header row; the columns: ${table.columns.flatMap(caseColumnHeaders).join(', ')}. Each row's Case ID joins it to its case.`,
  };
}

/** The event rows to fill with: each of the framework's tables that was given, in the framework's order. */
export async function eventSourcesOf(tables: readonly EventTable[], given: EventRowsGiven): Promise<EventSource[]> {
  const sources = await Promise.all(tables.map(async (table) => ({ table: table.id, source: await sourceOf(given[table.id] ?? null, eventRowsNames(table)) })));
  return sources.flatMap(({ table, source }) => (source ? [{ table, source }] : []));
}

/**
 * Rows for each event table of the chosen return (contacts, service deliveries …), opened as a file or pasted,
 * like the case data; a table left out leaves the figures counted from it open for typing.
 */
export function EventRowsInput({
  tables,
  given,
  onGiven,
  countRows,
  run,
  busy,
}: {
  tables: readonly EventTable[];
  given: EventRowsGiven;
  onGiven(given: EventRowsGiven): void;
  countRows(rows: CaseSource, step: StepControl): Promise<number>;
  run: RunStep;
  busy: boolean;
}) {
  const styles = useStyles();
  if (!tables.length) return null;
  return (
    <div className={styles.group} role="group" aria-labelledby="event-rows-heading">
      <Text as="h3" weight="semibold" size={400} id="event-rows-heading">
        Event rows
      </Text>
      <Text>
        This return also counts figures from {tables.map((t) => t.label.toLowerCase()).join(', ')}: a table of each from your case-management system, one row per event. Open or paste each you have; a table left out
        leaves its figures blank for you to type.
      </Text>
      {tables.map((table) => (
        <CaseDataInput
          key={table.id}
          names={eventRowsNames(table)}
          rows={given[table.id] ?? null}
          onRows={(rows) => onGiven({ ...given, [table.id]: rows })}
          countRows={countRows}
          run={run}
          busy={busy}
          pasteLabel={`Or paste ${table.label.toLowerCase()} rows here`}
        />
      ))}
    </div>
  );
}

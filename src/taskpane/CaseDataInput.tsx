import { Button, Field, Text, Textarea, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { CaseSource } from './caseSource';
import { FilePicker } from './FilePicker';
import type { RunStep, StepControl } from './paneHost';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});

/**
 * Case rows in hand: a file the person opened (kept as the file, read again by each fill, so the page never
 * holds its rows), or pasted as text.
 */
export type CaseRows = { kind: 'file'; file: File; name: string; rows: number } | { kind: 'pasted'; text: string } | null;

/** How an input names the rows it takes: the case data, or one of a framework's event tables. */
export interface RowsNames {
  /** "Case data", "Contacts": names the file and what was opened. */
  table: string;
  /** "case rows", "contacts rows": what a count of its rows counts. */
  rows: string;
  /** What a person does once the rows are read. */
  next: string;
  /** The columns the rows need, said under the paste box. */
  hint: string;
}

export const CASE_DATA: RowsNames = { table: 'Case data', rows: 'case rows', next: 'Fill the return next.', hint: 'Copy the rows from your case-management export, with the header row.' };

/** The rows to fill from, or null when there are none (in Excel: the workbook's own Case data sheet). */
export async function sourceOf(rows: CaseRows, names: RowsNames = CASE_DATA): Promise<CaseSource | null> {
  if (!rows) return null;
  if (rows.kind === 'file') return { kind: 'bytes', bytes: await rows.file.arrayBuffer(), name: rows.file.name };
  return rows.text.trim() ? { kind: 'text', text: rows.text, name: `the pasted ${names.rows}` } : null;
}

/** Opens or takes pasted rows (the case data, or an event table), with the header row, from the case-management system's export. */
export function CaseDataInput({
  rows,
  onRows,
  countRows,
  run,
  busy,
  pasteLabel,
  names = CASE_DATA,
}: {
  rows: CaseRows;
  onRows(rows: CaseRows): void;
  /** Reads the rows through, to say how many they are (and to refuse a file that is not a table). */
  countRows(cases: CaseSource, step: StepControl): Promise<number>;
  run: RunStep;
  busy: boolean;
  pasteLabel: string;
  names?: RowsNames;
}) {
  const styles = useStyles();
  const [pasted, setPasted] = useState('');
  return (
    <div className={styles.group}>
      <div className={styles.row}>
        <FilePicker
          inputLabel={`${names.table} file (CSV, TSV or .xlsx)`}
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values"
          disabled={busy}
          onFile={(file) =>
            void run(`Reading ${file.name}`, async (step) => {
              const count = await countRows((await sourceOf({ kind: 'file', file, name: file.name, rows: 0 }))!, step);
              onRows({ kind: 'file', file, name: file.name, rows: count });
              setPasted('');
              return `Read ${count} ${names.rows} from ${file.name}. ${names.next}`;
            })
          }
        >
          {`Open ${names.table.toLowerCase()}`}
        </FilePicker>
        {rows?.kind === 'file' && (
          <>
            <Text>
              {names.table}: {rows.name}
            </Text>
            <Button size="small" disabled={busy} onClick={() => onRows(null)}>
              Let go of {rows.name}
            </Button>
          </>
        )}
      </div>
      <Field label={pasteLabel} hint={names.hint}>
        <Textarea
          value={pasted}
          resize="vertical"
          onChange={(_, d) => {
            setPasted(d.value);
            onRows(d.value.trim() ? { kind: 'pasted', text: d.value } : null);
          }}
        />
      </Field>
    </div>
  );
}

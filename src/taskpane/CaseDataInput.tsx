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

/** The case data to fill from, or null when there is none (in Excel: the workbook's own Case data sheet). */
export async function sourceOf(rows: CaseRows): Promise<CaseSource | null> {
  if (!rows) return null;
  if (rows.kind === 'file') return { kind: 'bytes', bytes: await rows.file.arrayBuffer(), name: rows.file.name };
  return rows.text.trim() ? { kind: 'text', text: rows.text, name: 'the pasted case rows' } : null;
}

/** Opens or takes pasted case rows, with the header row, from the case-management system's export. */
export function CaseDataInput({
  rows,
  onRows,
  countRows,
  run,
  busy,
  pasteLabel,
}: {
  rows: CaseRows;
  onRows(rows: CaseRows): void;
  /** Reads the case data through, to say how many rows it holds (and to refuse a file that is not case data). */
  countRows(cases: CaseSource, step: StepControl): Promise<number>;
  run: RunStep;
  busy: boolean;
  pasteLabel: string;
}) {
  const styles = useStyles();
  const [pasted, setPasted] = useState('');
  return (
    <div className={styles.group}>
      <div className={styles.row}>
        <FilePicker
          inputLabel="Case data file (CSV, TSV or .xlsx)"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values"
          disabled={busy}
          onFile={(file) =>
            void run(`Reading ${file.name}`, async (step) => {
              const count = await countRows((await sourceOf({ kind: 'file', file, name: file.name, rows: 0 }))!, step);
              onRows({ kind: 'file', file, name: file.name, rows: count });
              setPasted('');
              return `Read ${count} case rows from ${file.name}. Fill the return next.`;
            })
          }
        >
          Open case data
        </FilePicker>
        {rows?.kind === 'file' && (
          <>
            <Text>Case data: {rows.name}</Text>
            <Button size="small" disabled={busy} onClick={() => onRows(null)}>
              Let go of {rows.name}
            </Button>
          </>
        )}
      </div>
      <Field label={pasteLabel} hint="Copy the rows from your case-management export, with the header row.">
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

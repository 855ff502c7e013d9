import { Button, Field, Text, Textarea, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { RawTable } from '../engine/cases/rawTable';
import { readDelimited } from '../tables/readDelimited';
import { readTable } from '../tables/readTable';
import { InputError } from '../errors';
import { FilePicker } from './FilePicker';
import type { RunStep } from './paneHost';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});

/** Case rows in hand: read from a file the person opened, or pasted as text. */
export type CaseRows = { kind: 'file'; table: RawTable; name: string } | { kind: 'pasted'; text: string } | null;

/** The case rows to fill from, or null when there are none (in Excel: the workbook's own Case data sheet). */
export function tableOf(rows: CaseRows): RawTable | null {
  if (!rows) return null;
  if (rows.kind === 'file') return rows.table;
  return rows.text.trim() ? readDelimited(rows.text, 'the pasted case rows') : null;
}

/** Reads a case export the person picked: CSV, TSV or .xlsx, told apart by content. */
export async function readCaseFile(file: File): Promise<RawTable> {
  if (file.size === 0) throw new InputError(`${file.name} is empty (0 bytes): export the case data again and open the new file.`);
  return readTable(new Uint8Array(await file.arrayBuffer()), file.name);
}

/** Opens or takes pasted case rows, with the header row, from the case-management system's export. */
export function CaseDataInput({ rows, onRows, run, busy, pasteLabel }: { rows: CaseRows; onRows(rows: CaseRows): void; run: RunStep; busy: boolean; pasteLabel: string }) {
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
            void run(`Reading ${file.name}`, async () => {
              onRows(null);
              const table = await readCaseFile(file);
              onRows({ kind: 'file', table, name: file.name });
              setPasted('');
              return `Read ${Math.max(table.rows.length - 1, 0)} case rows from ${file.name}. Fill the return next.`;
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

import { Field, Input, Select, makeStyles } from '@fluentui/react-components';
import type { Framework } from '../frameworks/schema';
import { FilePicker } from './FilePicker';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end' },
  // A framework's title is long: the dropdown takes the pane's width, never more.
  wide: { flexGrow: 1, flexBasis: '100%', minWidth: 0 },
  // A native select is as wide as its longest option unless told otherwise.
  select: { width: '100%', minWidth: 0 },
  date: { flexGrow: 1, flexBasis: '120px', minWidth: 0 },
});

export interface ReturnChoice {
  frameworkId: string;
  from: string;
  to: string;
  /** The kind of service the return is made by, one of the framework's profiles; null: its default (the first). */
  profile: string | null;
}

export interface ReturnControlsProps {
  value: ReturnChoice;
  onChange(value: ReturnChoice): void;
  /** The returns on offer: the built-in frameworks and any loaded from a file. */
  frameworks: readonly Framework[];
  /** A framework file the person picked, to load and offer. */
  onFrameworkFile(file: File): void;
  busy: boolean;
}

/** Which return, for which kind of service and period: every fill uses them, and a check says when the workbook differs. */
export function ReturnControls({ value, onChange, frameworks, onFrameworkFile, busy }: ReturnControlsProps) {
  const styles = useStyles();
  const framework = frameworks.find((f) => f.id === value.frameworkId);
  return (
    <div className={styles.row}>
      <Field label="Return" className={styles.wide}>
        <Select className={styles.select} select={{ className: styles.select }} value={value.frameworkId} onChange={(_, d) => onChange({ ...value, frameworkId: d.value, profile: null })}>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title}
            </option>
          ))}
        </Select>
      </Field>
      <FilePicker inputLabel="Framework file (.json)" accept=".json,application/json" appearance="subtle" disabled={busy} onFile={onFrameworkFile}>
        Load a framework file
      </FilePicker>
      {framework && framework.profiles.length > 0 && (
        <Field label="Kind of service" hint="Figures asked only of other kinds of service are not applicable." className={styles.wide}>
          <Select className={styles.select} select={{ className: styles.select }} value={value.profile ?? framework.profiles[0]!.id} onChange={(_, d) => onChange({ ...value, profile: d.value })}>
            {framework.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Period from" className={styles.date}>
        <Input type="date" value={value.from} onChange={(_, d) => onChange({ ...value, from: d.value })} />
      </Field>
      <Field label="Period to" className={styles.date}>
        <Input type="date" value={value.to} onChange={(_, d) => onChange({ ...value, to: d.value })} />
      </Field>
    </div>
  );
}

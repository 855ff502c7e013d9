import { Field, Input, Select, makeStyles } from '@fluentui/react-components';
import { builtInFramework, builtInFrameworkIds } from '../frameworks/load';

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
}

/** Which return and which period: every fill uses them, and a check says when the workbook differs. */
export function ReturnControls({ value, onChange }: { value: ReturnChoice; onChange(value: ReturnChoice): void }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Field label="Return" className={styles.wide}>
        <Select className={styles.select} select={{ className: styles.select }} value={value.frameworkId} onChange={(_, d) => onChange({ ...value, frameworkId: d.value })}>
          {builtInFrameworkIds.map((id) => (
            <option key={id} value={id}>
              {builtInFramework(id).title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Period from" className={styles.date}>
        <Input type="date" value={value.from} onChange={(_, d) => onChange({ ...value, from: d.value })} />
      </Field>
      <Field label="Period to" className={styles.date}>
        <Input type="date" value={value.to} onChange={(_, d) => onChange({ ...value, to: d.value })} />
      </Field>
    </div>
  );
}

import { Button, Field, Text, Textarea, makeStyles } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { PaneHost, PaneSession, RunStep } from './paneHost';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  json: { fontFamily: 'monospace' },
});

/**
 * The saved mapping, offered for next period's copy of the template: a download in the browser (with the mapped
 * workbook itself); in Excel, where a pane cannot save files, the JSON to copy.
 */
export function MappingExport({ host, session, json, run, busy }: { host: PaneHost; session: PaneSession; json: string; run: RunStep; busy: boolean }) {
  const styles = useStyles();
  const text = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  if (host.kind === 'browser') {
    const fileName = session.name.replace(/(\.xlsx)?$/i, ' - mapped.xlsx');
    return (
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void run('Preparing mapping.json', async () => (await host.saveText('mapping.json', json), 'Downloaded mapping.json: import it to map next period\'s copy of the template.'))}>
          Download mapping.json
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => void run('Preparing the mapped workbook', async (step) => (await host.download(session, fileName, step), `Downloaded ${fileName}.`))}>
          Download mapped workbook
        </Button>
      </div>
    );
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopied('Copied the mapping: paste it into a file named mapping.json.');
    } catch {
      // Some Office hosts deny the clipboard to a pane: the text is selected for the person to copy.
      text.current?.select();
      setCopied('The mapping is selected: copy it with Ctrl+C and paste it into a file named mapping.json.');
    }
  };
  return (
    <>
      <Field label="The mapping (JSON), to import for next period's copy of the template">
        <Textarea ref={text} readOnly value={json} className={styles.json} resize="vertical" rows={6} />
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void copy()}>Copy</Button>
        {copied && <Text role="status">{copied}</Text>}
      </div>
    </>
  );
}

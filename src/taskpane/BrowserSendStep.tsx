import { Button, Title3, makeStyles } from '@fluentui/react-components';
import { CheckButton } from './CheckButton';
import { withoutSheets } from './pageWording';
import type { BrowserPaneHost } from './paneHost';
import type { PaneState } from './usePaneState';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});

/** The page's last step: check, then download the checked workbook or the copy to send. */
export function BrowserSendStep({ host, pane, busy }: { host: BrowserPaneHost; pane: PaneState; busy: boolean }) {
  const styles = useStyles();
  const open = pane.open;
  const session = open?.session ?? null;
  return (
    <section className={styles.step} aria-labelledby="step-send">
      <Title3 as="h2" id="step-send">
        3. Check, explain and download
      </Title3>
      <div className={styles.row}>
        <CheckButton pane={pane} busy={busy} />
        <Button
          disabled={busy || !open?.checked}
          onClick={() =>
            session &&
            open &&
            void pane.run('Writing the findings into the workbook', async (step) => {
              const findings = await session.writeFindings(open.explanations, step);
              const fileName = session.name.replace(/(\.xlsx)?$/i, ' - checked.xlsx');
              await host.download(session, fileName, step);
              pane.setFindings(findings);
              pane.saved();
              return `Wrote the findings into ${fileName}.`;
            })
          }
        >
          Download checked workbook
        </Button>
        <Button
          disabled={busy || !open?.recognised}
          onClick={() =>
            session &&
            void pane.run('Preparing the submission copy', async (step) => {
              const copy = await host.copy(session, step);
              try {
                const { removedSheets } = await copy.prepareSubmission(step);
                const fileName = session.name.replace(/( - checked)?(\.xlsx)?$/i, ' - submission.xlsx');
                await host.download(copy, fileName, step);
                return `Wrote ${fileName}, the copy to send to the commissioner: figures, narrative and findings, values only${withoutSheets(removedSheets)}.`;
              } finally {
                copy.release?.();
              }
            })
          }
        >
          Prepare submission copy
        </Button>
      </div>
    </section>
  );
}

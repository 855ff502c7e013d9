import { Button, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles } from '@fluentui/react-components';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Stage } from '../engine/progress';
import { afterNextPaint } from './afterNextPaint';
import type { StepProgress } from './stepProgress';
import type { Status } from './usePaneState';

const useStyles = makeStyles({
  busy: { display: 'flex', flexDirection: 'column', gap: '4px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});

const STAGE: Record<Stage, string> = { reading: 'Reading', tallying: 'Tallying', checking: 'Checking', writing: 'Writing' };

/**
 * What the pane is doing, or how the last step went, read out to screen readers as it changes. A step's button
 * is disabled while it runs, which drops the keyboard focus to the page: it goes to Cancel while the step runs,
 * and when the step ends with the focus lost, to the outcome, so a keyboard user carries on from what happened.
 * Both moves wait for the frame that draws the change to be painted (a focus would force its style and layout).
 */
export function StatusLine({ status }: { status: Status }) {
  const line = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (status.kind === 'busy' || status.kind === 'idle') return;
    return afterNextPaint(() => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost) line.current?.focus();
    });
  }, [status]);
  return (
    <div aria-live="polite" ref={line} tabIndex={-1}>
      {status.kind === 'busy' && <StepUnderWay what={status.what} progress={status.progress} />}
      {status.kind === 'done' && (
        <MessageBar intent={status.intent} data-intent={status.intent}>
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'cancelled' && (
        <MessageBar intent="info" data-intent="cancelled">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{status.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** The step under way: its stage, how far it has got where that is known, and Cancel. */
function StepUnderWay({ what, progress }: { what: string; progress: StepProgress }) {
  const styles = useStyles();
  const now = useSyncExternalStore(progress.subscribe, progress.get);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(
    () =>
      afterNextPaint(() => {
        const lost = document.activeElement === null || document.activeElement === document.body || (document.activeElement as HTMLButtonElement).disabled === true;
        if (lost) cancel.current?.focus();
      }),
    [],
  );
  return (
    <div className={styles.busy}>
      <Text>
        {what}… {now.cancelling ? 'Cancelling: the page stays as it was.' : `${now.stage ? STAGE[now.stage] : 'Starting'}. Cancel stops it and leaves everything as it was.`}
      </Text>
      {/* The share done changes often: shown, and held by the progress bar, but not read out at every change. */}
      {now.fraction !== null && <Text aria-hidden>{Math.floor(now.fraction * 100)} % done</Text>}
      <ProgressBar aria-label={what} {...(now.fraction === null ? {} : { value: now.fraction, max: 1 })} />
      <div className={styles.row}>
        <Button ref={cancel} disabled={now.cancelling} onClick={progress.cancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

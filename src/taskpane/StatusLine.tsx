import { MessageBar, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Status } from './usePaneState';

/**
 * What the pane is doing, or how the last step went, read out to screen readers as it changes. A step's button
 * is disabled while it runs, which drops the keyboard focus to the page: when the step ends with the focus
 * lost, it comes here, to the outcome, so a keyboard user carries on from what happened.
 */
export function StatusLine({ status }: { status: Status }) {
  const line = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (status.kind !== 'busy' && status.kind !== 'idle' && lost) line.current?.focus();
  }, [status]);
  return (
    <div aria-live="polite" ref={line} tabIndex={-1}>
      {status.kind === 'busy' && (
        <>
          <Text>{status.what}…</Text>
          <ProgressBar aria-label={status.what} />
        </>
      )}
      {status.kind === 'done' && (
        <MessageBar intent={status.intent} data-intent={status.intent}>
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

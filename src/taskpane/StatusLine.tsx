import { MessageBar, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import type { Status } from './usePaneState';

/** What the pane is doing, or how the last step went, read out to screen readers as it changes. */
export function StatusLine({ status }: { status: Status }) {
  return (
    <div aria-live="polite">
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

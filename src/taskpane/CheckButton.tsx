import { Button, Text } from '@fluentui/react-components';
import { useId } from 'react';
import type { PaneState } from './usePaneState';

/** Check, and while it cannot run, why not. */
export function CheckButton({ pane, busy }: { pane: PaneState; busy: boolean }) {
  const why = useId();
  const open = pane.open;
  const ready = open !== null && open.recognised;
  return (
    <>
      <Button appearance={ready && !open.checked ? 'primary' : 'secondary'} disabled={busy || !ready} aria-describedby={ready ? undefined : why} onClick={() => open && void pane.check(open.session)}>
        Check
      </Button>
      {!ready && (
        <Text id={why} size={200}>
          {open ? 'Check needs the template mapped first (see Map this template below).' : 'Check needs a return: open one, or fill one from case data.'}
        </Text>
      )}
    </>
  );
}

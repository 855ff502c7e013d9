import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** A workbook holding case sheets must stay on this computer; the copy to send is the submission copy. */
export function CaseDataWarning({ sheets, inExcel }: { sheets: string[]; inExcel: boolean }) {
  if (!sheets.length) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        This workbook holds victims&apos; case data (the {sheets.map((s) => `"${s}"`).join(' and ')} sheet{sheets.length === 1 ? '' : 's'}): keep it on this computer and do not send it.{' '}
        {inExcel ? 'Send the commissioner the copy that Prepare submission copy opens.' : 'Send the commissioner the copy from Prepare submission copy.'}
      </MessageBarBody>
    </MessageBar>
  );
}

import { Button, type ButtonProps } from '@fluentui/react-components';
import { useRef } from 'react';

export interface FilePickerProps {
  /** The button's words. */
  children: string;
  /** The name of the file input, for assistive technology and tests. */
  inputLabel: string;
  accept: string;
  appearance?: ButtonProps['appearance'];
  disabled: boolean;
  onFile(file: File): void;
}

/** A button that picks one file: the browser's own file input stays hidden, and the same file can be picked again. */
export function FilePicker({ children, inputLabel, accept, appearance, disabled, onFile }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        aria-label={inputLabel}
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button appearance={appearance} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </Button>
    </>
  );
}

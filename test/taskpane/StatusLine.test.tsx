/** @jest-environment jsdom */
import '../support/jsdom';
import { render } from '@testing-library/react';
import { StatusLine } from '../../src/taskpane/StatusLine';
import { StepProgress } from '../../src/taskpane/stepProgress';

describe('StatusLine', () => {
  it('takes the keyboard focus when a step ends with it lost, and leaves it where a person put it', () => {
    const { container, rerender } = render(<StatusLine status={{ kind: 'busy', what: 'Reading the file', progress: new StepProgress() }} />);
    const line = container.querySelector('[aria-live]') as HTMLElement;
    (document.activeElement as HTMLElement | null)?.blur();
    rerender(<StatusLine status={{ kind: 'done', message: 'Opened sample.xlsx.', intent: 'success' }} />);
    expect(document.activeElement).toBe(line);

    const elsewhere = document.body.appendChild(document.createElement('button'));
    elsewhere.focus();
    rerender(<StatusLine status={{ kind: 'busy', what: 'Checking', progress: new StepProgress() }} />);
    rerender(<StatusLine status={{ kind: 'error', message: 'The file is empty.' }} />);
    expect(document.activeElement).toBe(elsewhere);
  });
});

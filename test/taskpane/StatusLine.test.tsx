/** @jest-environment jsdom */
import '../support/jsdom';
import { act, render, screen } from '@testing-library/react';
import { StatusLine } from '../../src/taskpane/StatusLine';
import { StepProgress } from '../../src/taskpane/stepProgress';

/** Lets the next frame be drawn and the task after it run: where the status line moves the focus. */
const painted = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

describe('StatusLine', () => {
  it('takes the keyboard focus once the outcome is drawn when a step ends with it lost, and leaves it where a person put it', async () => {
    const { container, rerender } = render(<StatusLine status={{ kind: 'busy', what: 'Reading the file', progress: new StepProgress() }} />);
    const line = container.querySelector('[aria-live]') as HTMLElement;
    await painted();
    (document.activeElement as HTMLElement | null)?.blur();
    rerender(<StatusLine status={{ kind: 'done', message: 'Opened sample.xlsx.', intent: 'success' }} />);
    // Not in React's commit, where it would force the page's style and layout: after the frame is drawn.
    expect(document.activeElement).not.toBe(line);
    await painted();
    expect(document.activeElement).toBe(line);

    const elsewhere = document.body.appendChild(document.createElement('button'));
    elsewhere.focus();
    rerender(<StatusLine status={{ kind: 'busy', what: 'Checking', progress: new StepProgress() }} />);
    await painted();
    rerender(<StatusLine status={{ kind: 'error', message: 'The file is empty.' }} />);
    await painted();
    expect(document.activeElement).toBe(elsewhere);
  });

  it('gives the focus to Cancel while a step runs when the button that started it was disabled', async () => {
    const start = document.body.appendChild(document.createElement('button'));
    start.focus();
    start.disabled = true;
    render(<StatusLine status={{ kind: 'busy', what: 'Checking', progress: new StepProgress() }} />);
    await painted();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });
});

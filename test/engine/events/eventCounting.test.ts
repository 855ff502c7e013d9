import { builtInFramework } from '../../../src/frameworks/load';
import { eventCountingWithout } from '../../../src/engine/events/eventCounting';

const framework = builtInFramework('safe-spaces');

describe('eventCountingWithout', () => {
  const contacts = eventCountingWithout(framework, 'contacts');

  it('says an event without its Case ID or date counts nowhere', () => {
    expect([contacts('case_id'), contacts('received')]).toEqual(['this contacts row is counted nowhere until it has one', 'this contacts row is counted nowhere until it has one']);
  });

  it('names the figures a column is asked by, and the others that still count the event', () => {
    expect(contacts('responded')).toBe(
      'this contacts row is counted in no figure that asks for its Responded ("KPI 1: of them, responded to within 48 hours", "KPI 2: of them, responded to within 72 hours"), and still in the others ("KPI 1: weekday contacts (not unsafe to respond)", "KPI 2: weekend and bank-holiday contacts (not unsafe to respond)", "KPI 32: points of contact by channel")',
    );
  });

  it('says when no figure asks for the column', () => {
    expect(contacts('contact_id')).toBe('no figure asks for its Contact ID, so this contacts row is counted as it would be with one');
  });

  it('names the row by its table', () => {
    expect(eventCountingWithout(framework, 'services')('date')).toBe('this service deliveries row is counted nowhere until it has one');
  });
});

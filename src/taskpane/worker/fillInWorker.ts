import { periodToIso } from '../../engine/tally/period';
import type { FillElsewhere } from '../returnSession';
import { transferOf } from './remoteSession';
import { WorkerClient } from './workerClient';

/**
 * Fills Excel's open workbook with the rows read and counted in a worker of its own, so the pane stays
 * responsive: the worker asks the page for each workbook call, as only the page can make Office.js calls.
 * Cancelling before the writes begin ends the worker, and nothing is written.
 */
export const fillInWorker: FillElsewhere = async (port, { name, framework, period, given, overwrite, profile, mapping }, options) => {
  const client = new WorkerClient();
  try {
    const { from, to } = periodToIso(period);
    const request = { op: 'fillThrough' as const, name, frameworkId: framework.id, from, to, cases: given.cases, events: [...given.events], overwrite, profile, mapping };
    return await client.request(request, options, transferOf(given.cases, ...given.events.map((e) => e.source)), port);
  } finally {
    client.end();
  }
};

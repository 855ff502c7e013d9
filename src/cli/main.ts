import { z } from 'zod';
import { InputError } from '../errors';
import { processIo, type CliIo } from './io';
import { printable } from './printable';

type Command = { run: (args: string[], io: CliIo) => Promise<number>; usage: string };

// A command parses each schema a few times (the framework, a figures file, its flags): zod's compiled parsers
// cost more to build than they save, so zod reads each value as it is (the same results, no code generated).
z.config({ jitless: true });

/** Each command's module is loaded only when it runs: tally and check never load ExcelJS or the workbook code. */
const commands: Record<string, () => Promise<Command>> = {
  tally: async () => import('./tallyCommand').then((m) => ({ run: m.tallyCommand, usage: m.tallyUsage })),
  check: async () => import('./checkCommand').then((m) => ({ run: m.checkCommand, usage: m.checkUsage })),
  template: async () => import('./templateCommand').then((m) => ({ run: m.templateCommand, usage: m.templateUsage })),
  fill: async () => import('./fillCommand').then((m) => ({ run: m.fillCommand, usage: m.fillUsage })),
  map: async () => import('./mapCommand').then((m) => ({ run: m.mapCommand, usage: m.mapUsage })),
  submit: async () => import('./submitCommand').then((m) => ({ run: m.submitCommand, usage: m.submitUsage })),
  report: async () => import('./reportCommand').then((m) => ({ run: m.reportCommand, usage: m.reportUsage })),
  publish: async () => import('./publishCommand').then((m) => ({ run: m.publishCommand, usage: m.publishUsage })),
  aggregate: async () => import('./aggregateCommand').then((m) => ({ run: m.aggregateCommand, usage: m.aggregateUsage })),
  frameworks: async () => import('./frameworksCommand').then((m) => ({ run: m.frameworksCommand, usage: m.frameworksUsage })),
};

const usageOf = (usages: string[]) => `returns: fill and check victim-services monitoring returns.

Commands:
  tally      count every figure of a return from case data
  check      check returns against their rules
  template   write the return's template workbook
  fill       fill a return workbook from case data, with a formula in every figure
  map        find the cell of every figure in a commissioner's own template
  submit     write the copy of a filled return to send to the commissioner: figures, no case data
  report     write a contract manager's meeting pack (one page, offline, prints on A4)
  publish    write a copy safe to publish: small counts suppressed so none can be worked out
  aggregate  add up the providers' returns into the commissioner's consolidated return
  frameworks list the built-in returns, or check a framework file someone wrote

${usages.join('\n\n')}

Exit codes: 0 done; 1 check found errors; 2 the input cannot be used (the message says why and what to do); 3 an internal fault.`;

/** Runs one command; returns the process exit code. Never throws: every failure becomes a message. */
export async function main(argv: string[], given: CliIo = processIo): Promise<number> {
  // Whatever a command prints may quote case data: nothing it prints can drive the terminal.
  const io: CliIo = { ...given, out: (text) => given.out(printable(text)), err: (text) => given.err(printable(text)) };
  const [command, ...rest] = argv;
  const usage = async () => usageOf((await Promise.all(Object.values(commands).map((load) => load()))).map((c) => c.usage));
  try {
    if (command !== undefined && Object.hasOwn(commands, command)) return await (await commands[command]!()).run(rest, io);
    if (command === undefined || ['help', '--help', '-h'].includes(command)) {
      io.out(await usage());
      return 0;
    }
    io.err(`returns: there is no command "${command}".\n\n${await usage()}`);
    return 2;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    io.err(`returns: an internal fault stopped the command (${(e as Error).message}). Nothing was written. Please report it with the command you ran.`);
    return 3;
  }
}

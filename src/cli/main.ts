import { InputError } from '../errors';
import { aggregateCommand, aggregateUsage } from './aggregateCommand';
import { checkCommand, checkUsage } from './checkCommand';
import { fillCommand, fillUsage } from './fillCommand';
import { frameworksCommand, frameworksUsage } from './frameworksCommand';
import { mapCommand, mapUsage } from './mapCommand';
import { submitCommand, submitUsage } from './submitCommand';
import { templateCommand, templateUsage } from './templateCommand';
import { processIo, type CliIo } from './io';
import { publishCommand, publishUsage } from './publishCommand';
import { reportCommand, reportUsage } from './reportCommand';
import { printable } from './printable';
import { tallyCommand, tallyUsage } from './tallyCommand';

const usage = `returns: fill and check victim-services monitoring returns.

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

${tallyUsage}

${checkUsage}

${templateUsage}

${fillUsage}

${mapUsage}

${submitUsage}

${reportUsage}

${publishUsage}

${aggregateUsage}
${frameworksUsage}

Exit codes: 0 done; 1 check found errors; 2 the input cannot be used (the message says why and what to do); 3 an internal fault.`;

/** Runs one command; returns the process exit code. Never throws: every failure becomes a message. */
export async function main(argv: string[], given: CliIo = processIo): Promise<number> {
  // Whatever a command prints may quote case data: nothing it prints can drive the terminal.
  const io: CliIo = { ...given, out: (text) => given.out(printable(text)), err: (text) => given.err(printable(text)) };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'tally':
        return await tallyCommand(rest, io);
      case 'check':
        return await checkCommand(rest, io);
      case 'template':
        return await templateCommand(rest, io);
      case 'fill':
        return await fillCommand(rest, io);
      case 'map':
        return await mapCommand(rest, io);
      case 'submit':
        return await submitCommand(rest, io);
      case 'report':
        return await reportCommand(rest, io);
      case 'publish':
        return await publishCommand(rest, io);
      case 'aggregate':
        return await aggregateCommand(rest, io);
      case 'frameworks':
        return await frameworksCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(usage);
        return 0;
      default:
        io.err(`returns: there is no command "${command}".\n\n${usage}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    io.err(`returns: an internal fault stopped the command (${(e as Error).message}). Nothing was written. Please report it with the command you ran.`);
    return 3;
  }
}

import type { RawTable } from '../engine/cases/rawTable';
import { InputError } from '../errors';
import { checkWorkbookBytes } from '../workbook/workbookBytes';
import { decodeText } from './decodeText';
import { NOT_TEXT, readDelimited } from './readDelimited';

/** Reads case data from a file's bytes, whatever it is: .xlsx by its content, otherwise delimited text. */
export async function readTable(bytes: Uint8Array, fileName: string, options: { sheet?: string } = {}): Promise<RawTable> {
  checkWorkbookBytes(bytes, fileName);
  // ExcelJS is loaded only for a workbook: reading a CSV never loads it.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return (await import('./readWorkbookSheet')).readWorkbookSheet(bytes, fileName, options.sheet);
  if (options.sheet !== undefined) throw new InputError(`${fileName} is a text file, not a workbook, so it has no sheet "${options.sheet}". Leave out --sheet.`);
  const { text } = decodeText(bytes);
  if (text.includes('\u0000')) throw new InputError(NOT_TEXT(fileName));
  return readDelimited(text, fileName);
}

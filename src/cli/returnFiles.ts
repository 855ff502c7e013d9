import { readReturn } from '../commands/readReturn';
import type { ReturnData } from '../engine/checks/returnData';
import { returnFromJson } from '../engine/checks/returnFromJson';
import type { Mapping } from '../engine/mapping/mapping';
import type { Framework } from '../frameworks/schema';
import { decodeText } from '../tables/decodeText';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';
import type { CliIo } from './io';
import { frameworkChooser, mappingFile } from './loadFramework';

/** What the report and publish commands share: --framework, --mapping, and reading a return given as a file. */
export interface ReturnFiles {
  frameworkFor: (id: string) => Framework;
  mapping: Mapping | null;
  workbook(file: string): Promise<XlsxWorkbook>;
  /** A return as a workbook (.xlsx) or as the figures JSON `returns tally --json` prints. */
  read(file: string): Promise<ReturnData>;
}

export async function returnFiles(io: CliIo, flags: { framework?: string | undefined; mapping?: string | undefined }): Promise<ReturnFiles> {
  const frameworkFor = await frameworkChooser(flags.framework, io);
  const mapping = await mappingFile(flags.mapping, io);
  const workbook = async (file: string) => XlsxWorkbook.fromBytes(await io.readFile(file), file);
  return {
    frameworkFor,
    mapping,
    workbook,
    read: async (file) =>
      file.toLowerCase().endsWith('.xlsx') ? (await readReturn(await workbook(file), file, frameworkFor, mapping)).data : returnFromJson(decodeText(await io.readFile(file)).text, file, frameworkFor),
  };
}

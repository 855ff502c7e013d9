import Papa from 'papaparse';
import { generateSampleCases } from './generateCases';

/** The bundled sample as a CSV file's text: UTF-8 with a byte-order mark and CRLF lines, as Excel saves it. */
export function sampleCsv(): string {
  return `\uFEFF${Papa.unparse(generateSampleCases(), { newline: '\r\n' })}\r\n`;
}

import type { RawCell } from '../engine/cases/rawTable';

/** An ExcelJS cell value as a person sees it: a formula's last result, a link's text, rich text joined. */
export function plainValue(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? plainValue(v.result) : null;
    if ('result' in v) return plainValue(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: string }) => part.text ?? '').join('');
    if ('text' in v) return plainValue(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

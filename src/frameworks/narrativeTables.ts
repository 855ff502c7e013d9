import { z } from 'zod';
import { useOneOf } from './suggest';

/**
 * A table the provider types into the return: named columns of text, numbers, dates or money, one row per item
 * (a case study, a grant paid, an engagement event). A fixed number of rows, or open-ended: the template offers
 * some blank rows and the provider inserts more inside the table. Its rows are read back by the check, never
 * computed from case rows.
 */

const slug = z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _ only');

export const tableColumnSchema = z.strictObject({
  key: slug,
  header: z.string().min(1),
  type: z.enum(['text', 'number', 'date', 'money']),
  /** A row may leave it blank (a row begun is otherwise incomplete without it). */
  optional: z.boolean().default(false),
});

export const narrativeTableSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  section: slug,
  /** A short explanation in the commissioner's words, shown above the table. */
  help: z.string().min(1).optional(),
  columns: z.array(tableColumnSchema).min(1),
  /** A fixed number of rows; absent: open-ended. */
  rows: z.number().int().min(1).max(100).optional(),
});

export type NarrativeTable = z.output<typeof narrativeTableSchema>;
export type TableColumn = z.output<typeof tableColumnSchema>;

/** Blank rows an open-ended table offers in a new template. */
export const OPEN_TABLE_ROWS = 5;

/** The workbook name of a table's rows (below its header row). */
export const tableName = (id: string) => `table.${id}`;

/** The rows a table offers in a new template: its fixed number, or the open-ended default. */
export const tableRowCount = (table: NarrativeTable) => table.rows ?? OPEN_TABLE_ROWS;

type Fail = (path: (string | number)[], message: string, fix?: string) => void;

/** Each table's id is its own, its section exists, and its column keys are its own. */
export function checkNarrativeTables(fw: { tables: NarrativeTable[]; narratives: { id: string }[]; sections: { id: string }[] }, fail: Fail): void {
  const sectionIds = fw.sections.map((s) => s.id);
  const seen = new Set<string>();
  fw.tables.forEach((table, i) => {
    if (seen.has(table.id)) fail(['tables', i, 'id'], `table "${table.id}" is defined twice`, 'Give each table its own id.');
    seen.add(table.id);
    if (!sectionIds.includes(table.section)) fail(['tables', i, 'section'], `no section "${table.section}"`, useOneOf(table.section, sectionIds, 'section ids'));
    const keys = new Set<string>();
    table.columns.forEach((c, j) => {
      if (keys.has(c.key)) fail(['tables', i, 'columns', j, 'key'], `column key "${c.key}" is used twice in the table`, 'Give each column its own key.');
      keys.add(c.key);
    });
    if (table.columns.every((c) => c.optional)) fail(['tables', i, 'columns'], 'every column of the table is optional, so no row could be incomplete', 'Mark the columns a row needs as not optional (remove "optional").');
  });
}

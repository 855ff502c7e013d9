import { z } from 'zod';
import { figuresOf } from '../../frameworks/expand';
import { describeIssues } from '../../frameworks/plainIssues';
import { InputError, parseJsonText } from '../../errors';
import type { Framework } from '../../frameworks/schema';

/**
 * A mapping binds a framework's figure ids to the cells of a commissioner's own template. The JSON form is a
 * stable contract (other tools and next period's returns read it); the workbook form is the same bindings as
 * defined names.
 */

/** A cell as Excel writes a reference: Outputs!C20, 'Section B'!B5. */
export const cellReference = z
  .string()
  .regex(/^(?:'(?:[^']|'')+'|[^'!:[\]*?/\\]+)!\$?[A-Za-z]{1,3}\$?[1-9][0-9]*$/, 'write a cell as Excel writes it, e.g. Outputs!C20 or \'Section B\'!B5');

/** What a binding's cell said when it was made, so next period's copy of the template can be re-anchored. */
export const anchorSchema = z.object({
  /** The row's label. */
  label: z.string(),
  /** The heading of the column, where the cell is in a table. */
  column: z.string().optional(),
  /** The nearest heading above. */
  heading: z.string().optional(),
});

export const mappingSchema = z.object({
  framework: z.string().min(1),
  version: z.string().min(1),
  /** Figure id → the cell holding it. */
  cells: z.record(z.string(), cellReference),
  /** Cells holding the first and last day of the period, where the template has them. */
  period: z.object({ from: cellReference, to: cellReference }).optional(),
  /** The cell holding the provider's name. */
  provider: cellReference.optional(),
  /** The service profile the provider's returns are made under (a framework's profile id), where it has profiles. */
  profile: z.string().min(1).optional(),
  anchors: z.record(z.string(), anchorSchema).optional(),
});

export type Mapping = z.infer<typeof mappingSchema>;
export type Anchor = z.infer<typeof anchorSchema>;

/** A problem with a mapping, at the JSON path or cell it concerns. */
export interface MappingIssue {
  /** "cells.referrals.total", or the cell ("Outputs!C20"). */
  at: string;
  message: string;
}

/** Checks a parsed mapping against its framework: the framework it names, and every figure id it binds. */
export function mappingFrameworkIssues(mapping: Mapping, framework: Framework): MappingIssue[] {
  const issues: MappingIssue[] = [];
  if (mapping.framework !== framework.id)
    issues.push({ at: 'framework', message: `the mapping is for the framework "${mapping.framework}", not "${framework.id}"` });
  const ids = new Set(figuresOf(framework).map((f) => f.id));
  for (const id of Object.keys(mapping.cells))
    if (!ids.has(id)) issues.push({ at: `cells.${id}`, message: `"${id}" is not a figure of ${framework.title}${suggestion(id, ids)}` });
  return issues;
}

/** "; did you mean …?" for an id one part away from a real one. */
function suggestion(id: string, ids: Set<string>): string {
  const parts = id.split('.');
  const near = [...ids].find((candidate) => {
    const other = candidate.split('.');
    return other.length === parts.length && other.filter((p, i) => p !== parts[i]).length === 1;
  });
  return near ? `; did you mean ${near}?` : '';
}

/** A mapping file's text, parsed and checked: a located message for each thing wrong with it. */
export function parseMapping(text: string, source: string): Mapping {
  const data = parseJsonText(text, source, 'Fix the mapping file, or make a new one with returns map.');
  const parsed = mappingSchema.safeParse(data);
  if (!parsed.success) throw new InputError(`${source} is not a mapping:\n${describeIssues(parsed.error.issues, data)}\nA mapping looks like {"framework": "cambridgeshire", "version": "…", "cells": {"referrals.total": "Outputs!C20"}}.`);
  return parsed.data;
}

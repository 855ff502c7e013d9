import { z } from 'zod';
import { periodToIso } from '../tally/period';
import { findingSchema, type Finding } from './findings';
import type { ReturnData } from './returnData';
import { summarise } from './runChecks';

const summarySchema = z.object({ error: z.number().int(), query: z.number().int(), info: z.number().int() });

/** What `returns check --json` prints: per file its findings and counts, then the counts over all files. */
export const checkReportSchema = z.object({
  files: z.array(
    z.union([
      z.object({
        file: z.string(),
        framework: z.string(),
        period: z.object({ from: z.string(), to: z.string() }).nullable(),
        /** Each finding, with the provider's explanation typed against it in the workbook's Findings sheet, where there is one. */
        issues: z.array(findingSchema.extend({ explanation: z.string().optional() })),
        summary: summarySchema,
      }),
      z.object({ file: z.string(), error: z.string() }),
    ]),
  ),
  summary: summarySchema.extend({ unusable: z.number().int() }),
});
export type CheckReport = z.infer<typeof checkReportSchema>;
export type FileCheck = CheckReport['files'][number];

/** One file's findings; `explanations` holds the provider's explanation of each finding, in order (null: none). */
export function checkedFile(data: ReturnData, findings: Finding[], explanations: readonly (string | null)[] = []): FileCheck {
  return {
    file: data.source,
    framework: data.framework.id,
    period: data.period ? periodToIso(data.period) : null,
    issues: findings.map((finding, i) => (explanations[i] ? { ...finding, explanation: explanations[i] } : finding)),
    summary: summarise(findings),
  };
}

export function checkReport(files: FileCheck[]): CheckReport {
  const summary = { error: 0, query: 0, info: 0, unusable: 0 };
  for (const f of files) {
    if ('error' in f) summary.unusable++;
    else for (const k of ['error', 'query', 'info'] as const) summary[k] += f.summary[k];
  }
  return { files, summary };
}

/** 0 no errors (queries and info allowed), 1 at least one error, 2 an input unusable. */
export function checkExitCode(report: CheckReport): number {
  if (report.summary.unusable > 0) return 2;
  return report.summary.error > 0 ? 1 : 0;
}

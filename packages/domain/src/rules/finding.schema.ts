import { z } from 'zod';
import { ZTableId } from '../disclosure/disclosure.schema';

/** An error blocks submission; a warning is shown but does not. */
export const SEVERITIES = ['error', 'warning'] as const;
export const ZSeverity = z.enum(SEVERITIES);

export const ZLocalizedText = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/**
 * Where a finding points, so that the editor can jump to the cell, the line field, the project part
 * or the paragraph of Part 3 it concerns.
 */
export const ZFindingLocation = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('table'),
    table: ZTableId,
    row: z.string().optional(),
    column: z.string().optional(),
  }),
  z.object({ kind: z.literal('line'), lineId: z.string(), field: z.string().optional() }),
  z.object({
    kind: z.literal('project'),
    projectId: z.string(),
    part: z.string().optional(), // details, procurement, fundSources, priorYears, indicators
    index: z.number().int().min(0).optional(),
    field: z.string().optional(),
  }),
  z.object({ kind: z.literal('text'), section: z.string() }),
  z.object({ kind: z.literal('document'), path: z.string() }),
]);

export const ZFinding = z.object({
  ruleId: z.string(), // stable: 'T1.BALANCED', 'PROJECT.DETAIL_SUM', 'CODE.UNKNOWN_FUNCTION'
  severity: ZSeverity,
  message: ZLocalizedText,
  location: ZFindingLocation,
  /**
   * The other places the same problem concerns, when it is one problem at several (each further
   * figure of a 说明 that cites the same missing row): listed once, every place still reachable.
   */
  alsoAt: z.array(ZFindingLocation).min(1).optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
});

export type TSeverity = z.output<typeof ZSeverity>;
export type TLocalizedText = z.output<typeof ZLocalizedText>;
export type TFindingLocation = z.output<typeof ZFindingLocation>;
export type TFinding = z.output<typeof ZFinding>;
/** Every place a finding concerns: where it points, then its alsoAt. */
export function findingLocations(finding: TFinding): TFindingLocation[] {
  return [finding.location, ...(finding.alsoAt ?? [])];
}

/** The name the issue uses; the same type. */
export type Finding = TFinding;

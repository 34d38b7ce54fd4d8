import type { UntisAliasKind, UntisImportSummaryFieldsFragment } from '@/api/generated/graphql';

// What the preview and the import history show of the server's import summary.

export type UntisSummary = UntisImportSummaryFieldsFragment;
export type UntisUnmatched = UntisSummary['unmatched'][number];
export type PreviewStatus = 'BLOCKED' | 'NO_CHANGES' | 'READY';

export interface ChangeCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** Blocked wins: an import that would change nothing can still be refused for unknown names. */
export function previewStatus(summary: Pick<UntisSummary, 'blocked' | 'noChanges'>): PreviewStatus {
  if (summary.blocked) return 'BLOCKED';
  return summary.noChanges ? 'NO_CHANGES' : 'READY';
}

/**
 * The areas the export touches, in the server's order. Areas with no rows at all were not part
 * of the files (e.g. no GPU014: no substitutions) and are left out.
 */
export function touchedAreas<T extends ChangeCounts>(changes: T[]): T[] {
  return changes.filter((c) => c.added + c.changed + c.removed + c.unchanged > 0);
}

export function totalCounts(changes: ChangeCounts[]): ChangeCounts {
  const sum = (pick: (c: ChangeCounts) => number) => changes.reduce((total, c) => total + pick(c), 0);
  return { added: sum((c) => c.added), changed: sum((c) => c.changed), removed: sum((c) => c.removed), unchanged: sum((c) => c.unchanged) };
}

/** Rows the import would write: new, changed and removed rows plus the records it creates. */
export function pendingChanges(summary: { changes: ChangeCounts[]; created: unknown[] }): number {
  const totals = totalCounts(summary.changes);
  return totals.added + totals.changed + totals.removed + summary.created.length;
}

/** Unmatched pupils only lose their course choices; every other unknown name blocks the import. */
export const isBlocking = (unmatched: { kind: UntisAliasKind }) => unmatched.kind !== 'PUPIL';

/** The first 12 hex digits identify an export file well enough to compare two imports by eye. */
export const shortSha = (sha256: string) => sha256.slice(0, 12);

const STATUS_SEVERITY: Record<string, 'success' | 'info' | 'danger'> = { APPLIED: 'success', NO_CHANGES: 'info', FAILED: 'danger' };

/** Tag colour of an import's status (APPLIED, NO_CHANGES, FAILED). */
export const statusSeverity = (status: string) => STATUS_SEVERITY[status] ?? 'secondary';

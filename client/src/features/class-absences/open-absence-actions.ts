// What the class teacher may do with one open absence, and which ones the bulk buttons take.
// The server decides in the end; these only keep pointless buttons off the screen.

export interface OpenAbsence {
  id: string;
  version: number;
  reason?: string | null;
  status: string;
  leaveStatus?: string | null;
  requiresCertificate?: boolean | null;
  certificateReceivedOn?: string | null;
  excuseReceivedOn?: string | null;
}

/** A leave request is approved or rejected, never excused (the server refuses it in a batch). */
export const isLeaveRequest = (absence: OpenAbsence): boolean => absence.leaveStatus === 'REQUESTED';
export const isLeave = (absence: OpenAbsence): boolean => absence.reason === 'LEAVE' || !!absence.leaveStatus;

/** Attestpflicht and no certificate yet: excusing it is refused until the certificate is recorded. */
export const needsCertificate = (absence: OpenAbsence): boolean =>
  !!absence.requiresCertificate && !absence.certificateReceivedOn;

export const mayRecordExcuse = (absence: OpenAbsence): boolean =>
  !isLeave(absence) && absence.status === 'REPORTED' && !absence.excuseReceivedOn;

export const mayRecordCertificate = (absence: OpenAbsence): boolean => !isLeave(absence) && needsCertificate(absence);

/** Rows with a checkbox: everything excused or marked unexcused by a decision (not leave). */
export const isBulkDecidable = (absence: OpenAbsence): boolean => !isLeave(absence) && absence.status === 'REPORTED';

export type SelectionState = 'none' | 'some' | 'all';

/** The "select all" checkbox: checked, mixed or empty for the selectable rows. */
export function selectionState(absences: OpenAbsence[], selected: ReadonlySet<string>): SelectionState {
  const selectable = absences.filter(isBulkDecidable);
  const count = selectable.filter((absence) => selected.has(absence.id)).length;
  if (count === 0) return 'none';
  return count === selectable.length ? 'all' : 'some';
}

/** After a reload: keep only ids still listed and selectable. */
export function keepSelectable(absences: OpenAbsence[], selected: ReadonlySet<string>): Set<string> {
  return new Set(absences.filter((absence) => isBulkDecidable(absence) && selected.has(absence.id)).map((absence) => absence.id));
}

/** The batch for excuseAbsences/markAbsencesUnexcused: each selected absence with the version as read. */
export function versionRefs(absences: OpenAbsence[], selected: ReadonlySet<string>): { id: string; version: number }[] {
  return absences.filter((absence) => selected.has(absence.id) && isBulkDecidable(absence))
    .map(({ id, version }) => ({ id, version }));
}

import type { AbsenceReason, AbsenceStatus, LeaveStatus } from '@/api/generated/graphql';
import type { AbsenceTime } from '@/features/absences-common/absence-when';

// How the portal shows one absence's state: the status badges a guardian or pupil needs —
// reported / excused / unexcused, a written excuse due or overdue, a certificate required, and for
// a leave of absence only its decision. When it is: features/absences-common/absence-when.

export interface DisplayedAbsence extends AbsenceTime {
  status: AbsenceStatus;
  reason?: AbsenceReason | null;
  leaveStatus?: LeaveStatus | null;
  isOverdue?: boolean | null;
  excuseDueOn?: string | null;
  excuseReceivedOn?: string | null;
  requiresCertificate?: boolean | null;
  certificateReceivedOn?: string | null;
}

export type BadgeSeverity = 'success' | 'info' | 'warn' | 'danger' | 'secondary';

export interface AbsenceBadge {
  /** i18n key */
  key: string;
  severity: BadgeSeverity;
  /** calendar days to format into the text */
  dates?: Record<string, string>;
  /** stable name for tests and styling */
  name: string;
}

const STATUS_SEVERITY: Record<AbsenceStatus, BadgeSeverity> = { REPORTED: 'info', EXCUSED: 'success', UNEXCUSED: 'danger' };
const LEAVE_SEVERITY: Record<LeaveStatus, BadgeSeverity> = { REQUESTED: 'info', APPROVED: 'success', REJECTED: 'danger' };

export function absenceBadges(absence: DisplayedAbsence): AbsenceBadge[] {
  // A leave of absence is decided, not excused: its decision is all there is to know.
  if (absence.reason === 'LEAVE' && absence.leaveStatus) {
    const status = absence.leaveStatus;
    return [{ key: `myAbsences.leaveStatus.${status}`, severity: LEAVE_SEVERITY[status], name: `leave-${status}` }];
  }
  const badges: AbsenceBadge[] = [{ key: `enums.absenceStatus.${absence.status}`, severity: STATUS_SEVERITY[absence.status], name: `status-${absence.status}` }];
  if (absence.status !== 'REPORTED') return badges;
  if (absence.requiresCertificate && !absence.certificateReceivedOn) {
    badges.push({ key: 'myAbsences.badges.certificateRequired', severity: 'warn', name: 'certificate-required' });
  }
  if (absence.isOverdue) {
    badges.push({ key: 'myAbsences.badges.overdue', severity: 'danger', name: 'overdue' });
  } else if (absence.excuseReceivedOn) {
    badges.push({ key: 'myAbsences.badges.excuseReceived', severity: 'secondary', name: 'excuse-received' });
  } else if (absence.excuseDueOn) {
    badges.push({ key: 'myAbsences.badges.excuseDue', severity: 'warn', dates: { date: absence.excuseDueOn }, name: 'excuse-due' });
  }
  return badges;
}

import { absenceBadges } from './absence-display';
import type { DisplayedAbsence } from './absence-display';

const sick = (values: Partial<DisplayedAbsence> = {}): DisplayedAbsence => ({
  kind: 'DAYS', startsOn: '2026-11-30', endsOn: '2026-12-01', status: 'REPORTED', reason: 'SICK', leaveStatus: null,
  isOverdue: false, excuseDueOn: '2026-12-07', excuseReceivedOn: null, requiresCertificate: false, certificateReceivedOn: null, ...values,
});
const names = (absence: DisplayedAbsence) => absenceBadges(absence).map((badge) => badge.name);

describe('absence badges', () => {
  it.each([
    ['reported, the excuse still due', sick(), ['status-REPORTED', 'excuse-due']],
    ['reported, the excuse arrived (or the portal report counts as one)', sick({ excuseReceivedOn: '2026-11-28' }), ['status-REPORTED', 'excuse-received']],
    ['reported and overdue', sick({ isOverdue: true }), ['status-REPORTED', 'overdue']],
    ['reported, a certificate required', sick({ requiresCertificate: true }), ['status-REPORTED', 'certificate-required', 'excuse-due']],
    ['excused', sick({ status: 'EXCUSED', excuseReceivedOn: '2026-12-02' }), ['status-EXCUSED']],
    ['unexcused', sick({ status: 'UNEXCUSED', isOverdue: false }), ['status-UNEXCUSED']],
    ['a leave requested', sick({ reason: 'LEAVE', leaveStatus: 'REQUESTED', excuseDueOn: null }), ['leave-REQUESTED']],
    ['a leave approved (excused)', sick({ reason: 'LEAVE', leaveStatus: 'APPROVED', status: 'EXCUSED' }), ['leave-APPROVED']],
    ['a leave rejected', sick({ reason: 'LEAVE', leaveStatus: 'REJECTED' }), ['leave-REJECTED']],
  ])('%s → %j', (_case, absence, expected) => {
    expect(names(absence)).toEqual(expected);
  });

  it('the excuse due → should carry its date; severities tell good from bad', () => {
    const [status, due] = absenceBadges(sick());

    expect(due).toEqual({ key: 'myAbsences.badges.excuseDue', severity: 'warn', dates: { date: '2026-12-07' }, name: 'excuse-due' });
    expect(status.severity).toBe('info');
    expect(absenceBadges(sick({ status: 'EXCUSED' }))[0].severity).toBe('success');
    expect(absenceBadges(sick({ isOverdue: true }))[1].severity).toBe('danger');
  });
});

import { AbsenceReason, AbsenceReporter, berlinDate, CalendarDate } from '@schulverwaltung/shared';
import { AppError } from '../../common/app-error';
import type { RefusalRule } from './absence-overlap';

// German texts about absences, as the secretariat reads them in a refusal.

const REASON_LABELS: Record<AbsenceReason, string> = {
  SICK: 'krank', DOCTOR: 'Arzttermin', LEAVE: 'Beurlaubung', SCHOOL_EVENT: 'Schulveranstaltung', OTHER: 'sonstiger Grund',
};
const REPORTER_LABELS: Record<AbsenceReporter, string> = {
  GUARDIAN: 'einer/einem Erziehungsberechtigten', PUPIL: 'der Schülerin/dem Schüler selbst', OTHER: 'einer anderen Person', REGISTER: 'dem Klassenbuch',
};
const REPORTER_ROLES: Record<AbsenceReporter, string> = {
  GUARDIAN: 'Erziehungsberechtigte:r', PUPIL: 'Schüler:in selbst', OTHER: 'andere Person', REGISTER: 'Klassenbuch',
};

export const reasonLabel = (reason: AbsenceReason) => REASON_LABELS[reason];

/** 2026-03-02 → 02.03.2026 */
export function germanDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

export interface DescribedAbsence {
  id: string;
  kind: string;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  periodFrom: number | null;
  periodTo: number | null;
  minutes: number | null;
  reason: AbsenceReason;
  reportedBy: AbsenceReporter;
  reportedAt: Date;
  reporterName: string | null;
  /** name of the reporting person, when known */
  reporterPersonName?: string | null;
}

/** "vom 02.03.2026 bis 04.03.2026", "am 02.03.2026 in der 3. bis 4. Stunde", … */
export function whenText(a: DescribedAbsence): string {
  const day = germanDate(a.startsOn);
  switch (a.kind) {
    case 'DAYS': return a.startsOn === a.endsOn ? `am ${day} (ganztägig)` : `vom ${day} bis ${germanDate(a.endsOn)}`;
    case 'PERIODS': return a.periodFrom === a.periodTo ? `am ${day} in der ${a.periodFrom}. Stunde` : `am ${day} in der ${a.periodFrom}. bis ${a.periodTo}. Stunde`;
    case 'EARLY_LEAVE': return `am ${day} ab der ${a.periodFrom}. Stunde`;
    default: return `am ${day} (${a.minutes} Minuten verspätet)`;
  }
}

function reporterText(a: DescribedAbsence): string {
  const name = a.reporterPersonName ?? a.reporterName;
  const who = name ? `${name} (${REPORTER_ROLES[a.reportedBy]})` : REPORTER_LABELS[a.reportedBy];
  return `gemeldet von ${who} am ${germanDate(berlinDate(a.reportedAt))}`;
}

const REFUSALS: Record<RefusalRule, (pupil: string, a: DescribedAbsence) => string> = {
  conflicting_absence: (pupil, a) => `Für ${pupil} ist ${whenText(a)} bereits eine Fehlzeit mit anderem Grund eingetragen: „${reasonLabel(a.reason)}“, ${reporterText(a)}. Bitte ändern Sie den bestehenden Eintrag, statt einen zweiten anzulegen.`,
  covered_by_whole_day: (pupil, a) => `${pupil} ist ${whenText(a)} bereits ganztägig als abwesend eingetragen („${reasonLabel(a.reason)}“, ${reporterText(a)}); einzelne Stunden sind damit schon erfasst.`,
  already_reported: (pupil, a) => `Für ${pupil} ist ${whenText(a)} bereits eine Verspätung eingetragen (${reporterText(a)}). Bitte ändern Sie den bestehenden Eintrag.`,
  overlapping_absence: (pupil, a) => `Für ${pupil} ist ${whenText(a)} bereits eine Fehlzeit eingetragen: „${reasonLabel(a.reason)}“, ${reporterText(a)}. Zeiträume dürfen sich nicht überschneiden.`,
};

/** BAD_USER_INPUT naming the existing entry (when, why, who reported), so the caller can open it. */
export function refusal(rule: RefusalRule, pupilName: string, existing: DescribedAbsence, field = 'input.startsOn'): AppError {
  return new AppError('BAD_USER_INPUT', REFUSALS[rule](pupilName, existing), { field, rule, existingAbsenceId: existing.id });
}

import type { SessionUser } from '@schulverwaltung/shared';
import type { RouteAbility } from '@/router/route-meta';
import { teachesSomewhere } from '@/features/class-register/register-audience';
import { hasOwnAbsences } from '@/features/my-absences/portal-people';

export interface NavigationItem {
  routeName: string;
  labelKey: string;
  icon: string;
  /** Shown only when the ability allows it; the same check guards the route. */
  ability: RouteAbility;
  /** Listed under the "Verwaltung" heading rather than with the daily work. */
  isAdministration?: boolean;
  /** Shown only to the people these session facts describe, where the ability alone cannot tell (staff read absences too). */
  audience?: (user: SessionUser) => boolean;
}

export const NAVIGATION_ITEMS: NavigationItem[] = [
  { routeName: 'pupils', labelKey: 'nav.pupils', icon: 'pi pi-users', ability: { action: 'read', subject: 'Pupil' } },
  { routeName: 'classes', labelKey: 'nav.classes', icon: 'pi pi-th-large', ability: { action: 'read', subject: 'Group' } },
  // The secretariat's morning screen: calls entered by keyboard, the day's absent pupils, the ones to phone.
  { routeName: 'absence-entry', labelKey: 'nav.absenceEntry', icon: 'pi pi-phone', ability: { action: 'create', subject: 'Absence', perSchool: true } },
  // Timetables: the own week for whoever has one (teachers, pupils, guardians with custody), the
  // school's timetables and substitution plan for its staff, calendar subscriptions for everyone.
  { routeName: 'my-timetable', labelKey: 'nav.myTimetable', icon: 'pi pi-calendar', ability: { action: 'read', subject: 'Timetable' } },
  // The class register of the lessons a teacher gives or covers (the day list is a teacher's).
  {
    routeName: 'class-register', labelKey: 'nav.classRegister', icon: 'pi pi-book',
    ability: { action: 'read', subject: 'ClassRegister' }, audience: teachesSomewhere,
  },
  { routeName: 'timetables', labelKey: 'nav.timetables', icon: 'pi pi-table', ability: { action: 'read', subject: 'Timetable', perSchool: true } },
  {
    routeName: 'substitution-plan', labelKey: 'nav.substitutionPlan', icon: 'pi pi-sync',
    ability: { action: 'read', subject: 'Timetable', perSchool: true },
  },
  // Guardians' and pupils' own absences: sick reports, leave requests, history.
  {
    routeName: 'my-absences', labelKey: 'nav.myAbsences', icon: 'pi pi-heart',
    ability: { action: 'read', subject: 'Absence' }, audience: hasOwnAbsences,
  },
  // The class teacher's open absences, conflicts and term overview (the office and school management pick a class).
  { routeName: 'my-class-absences', labelKey: 'nav.classAbsences', icon: 'pi pi-list-check', ability: { action: 'update', subject: 'Absence' } },
  { routeName: 'calendar-feeds', labelKey: 'nav.calendarFeeds', icon: 'pi pi-calendar-plus', ability: { action: 'read', subject: 'CalendarFeed' } },
  {
    routeName: 'untis-import', labelKey: 'nav.untisImport', icon: 'pi pi-upload', isAdministration: true,
    ability: { action: 'create', subject: 'UntisImport', perSchool: true },
  },
  {
    routeName: 'time-grid', labelKey: 'nav.timeGrid', icon: 'pi pi-clock', isAdministration: true,
    ability: { action: 'update', subject: 'TimeGrid', perSchool: true },
  },
  {
    routeName: 'absence-settings', labelKey: 'nav.absenceSettings', icon: 'pi pi-sliders-h', isAdministration: true,
    ability: { action: 'update', subject: 'AbsenceSettings', perSchool: true },
  },
];

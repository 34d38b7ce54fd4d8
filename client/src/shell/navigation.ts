import type { RouteAbility } from '@/router/route-meta';

export interface NavigationItem {
  routeName: string;
  labelKey: string;
  icon: string;
  /** Shown only when the ability allows it; the same check guards the route. */
  ability: RouteAbility;
  /** Listed under the "Verwaltung" heading rather than with the daily work. */
  isAdministration?: boolean;
}

export const NAVIGATION_ITEMS: NavigationItem[] = [
  { routeName: 'pupils', labelKey: 'nav.pupils', icon: 'pi pi-users', ability: { action: 'read', subject: 'Pupil' } },
  { routeName: 'classes', labelKey: 'nav.classes', icon: 'pi pi-th-large', ability: { action: 'read', subject: 'Group' } },
  // Timetables: the own week for whoever has one (teachers, pupils, guardians with custody), the
  // school's timetables and substitution plan for its staff, calendar subscriptions for everyone.
  { routeName: 'my-timetable', labelKey: 'nav.myTimetable', icon: 'pi pi-calendar', ability: { action: 'read', subject: 'Timetable' } },
  { routeName: 'timetables', labelKey: 'nav.timetables', icon: 'pi pi-table', ability: { action: 'read', subject: 'Timetable', perSchool: true } },
  {
    routeName: 'substitution-plan', labelKey: 'nav.substitutionPlan', icon: 'pi pi-sync',
    ability: { action: 'read', subject: 'Timetable', perSchool: true },
  },
  { routeName: 'calendar-feeds', labelKey: 'nav.calendarFeeds', icon: 'pi pi-calendar-plus', ability: { action: 'read', subject: 'CalendarFeed' } },
  {
    routeName: 'untis-import', labelKey: 'nav.untisImport', icon: 'pi pi-upload', isAdministration: true,
    ability: { action: 'create', subject: 'UntisImport', perSchool: true },
  },
  {
    routeName: 'time-grid', labelKey: 'nav.timeGrid', icon: 'pi pi-clock', isAdministration: true,
    ability: { action: 'update', subject: 'TimeGrid', perSchool: true },
  },
];

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
  {
    routeName: 'untis-import', labelKey: 'nav.untisImport', icon: 'pi pi-upload', isAdministration: true,
    ability: { action: 'create', subject: 'UntisImport', perSchool: true },
  },
];

import type { RouteRecordRaw } from 'vue-router';

// A school's absence rules: school admin and school management of the school worked in.
export const absenceSettingsRoutes: RouteRecordRaw[] = [
  {
    path: 'verwaltung/fehlzeiten-regeln',
    name: 'absence-settings',
    component: () => import('./views/AbsenceSettingsView.vue'),
    meta: { ability: { action: 'update', subject: 'AbsenceSettings', perSchool: true } },
  },
];

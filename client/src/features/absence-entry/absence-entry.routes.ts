import type { RouteRecordRaw } from 'vue-router';

// The secretariat's quick entry of absences (Fehlzeiten erfassen), for the school worked in.
export const absenceEntryRoutes: RouteRecordRaw[] = [
  {
    path: 'fehlzeiten',
    name: 'absence-entry',
    component: () => import('./views/AbsenceEntryView.vue'),
    meta: { ability: { action: 'create', subject: 'Absence', perSchool: true } },
  },
];

import type { RouteRecordRaw } from 'vue-router';

// Untis import, its history and the remembered name mappings: per school (the server checks the same).
export const untisImportRoutes: RouteRecordRaw[] = [
  {
    path: 'verwaltung/untis-import',
    name: 'untis-import',
    component: () => import('./views/UntisImportView.vue'),
    meta: { ability: { action: 'create', subject: 'UntisImport', perSchool: true } },
  },
  {
    path: 'verwaltung/untis-import/verlauf',
    name: 'untis-import-history',
    component: () => import('./views/UntisImportHistoryView.vue'),
    meta: { ability: { action: 'read', subject: 'UntisImport', perSchool: true }, sectionRoute: 'untis-import' },
  },
  {
    path: 'verwaltung/untis-import/zuordnungen',
    name: 'untis-aliases',
    component: () => import('./views/UntisAliasListView.vue'),
    meta: { ability: { action: 'read', subject: 'UntisImport', perSchool: true }, sectionRoute: 'untis-import' },
  },
];

import type { RouteRecordRaw } from 'vue-router';

export const pupilRoutes: RouteRecordRaw[] = [
  {
    path: 'schueler',
    name: 'pupils',
    component: () => import('./views/PupilListView.vue'),
    meta: { ability: { action: 'read', subject: 'Pupil' } },
  },
  {
    path: 'schueler/:id',
    name: 'pupil-detail',
    component: () => import('./views/PupilDetailView.vue'),
    props: true,
    meta: { ability: { action: 'read', subject: 'Pupil' }, sectionRoute: 'pupils' },
  },
];

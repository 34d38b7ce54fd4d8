import type { RouteRecordRaw } from 'vue-router';

export const classRoutes: RouteRecordRaw[] = [
  {
    path: 'klassen',
    name: 'classes',
    component: () => import('./views/ClassListView.vue'),
    meta: { ability: { action: 'read', subject: 'Group' } },
  },
  {
    path: 'klassen/:id',
    name: 'class-detail',
    component: () => import('./views/ClassDetailView.vue'),
    props: true,
    meta: { ability: { action: 'read', subject: 'Group' }, sectionRoute: 'classes' },
  },
];

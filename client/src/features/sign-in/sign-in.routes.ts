import type { RouteRecordRaw } from 'vue-router';

export const signInRoutes: RouteRecordRaw[] = [
  {
    path: '/anmelden',
    name: 'sign-in',
    component: () => import('./views/SignInView.vue'),
    meta: { guestOnly: true },
  },
];

import { createRouter, createWebHistory } from 'vue-router';
import type { RouteRecordRaw } from 'vue-router';
import { signInRoutes } from '@/features/sign-in/sign-in.routes';
import { homeRoutes } from '@/features/home/home.routes';
import { pupilRoutes } from '@/features/pupils/pupils.routes';
import { classRoutes } from '@/features/classes/classes.routes';
import { untisImportRoutes } from '@/features/untis-import/untis-import.routes';
import { timetableRoutes } from '@/features/timetable/timetable.routes';
import { absenceEntryRoutes } from '@/features/absence-entry/absence-entry.routes';
import { classRegisterRoutes } from '@/features/class-register/class-register.routes';
import { myAbsencesRoutes } from '@/features/my-absences/my-absences.routes';
import { absenceSettingsRoutes } from '@/features/absence-settings/absence-settings.routes';
import { classAbsenceRoutes } from '@/features/class-absences/class-absences.routes';
import { authGuard } from './guards';
import './route-meta';

const routes: RouteRecordRaw[] = [
  ...signInRoutes,
  {
    // Every signed-in page lives inside the shell (top bar, navigation, main landmark).
    path: '/',
    component: () => import('@/shell/AppShell.vue'),
    meta: { requiresAuth: true },
    children: [
      ...homeRoutes,
      ...pupilRoutes,
      ...classRoutes,
      ...untisImportRoutes,
      ...timetableRoutes,
      ...absenceEntryRoutes,
      ...classRegisterRoutes,
      ...myAbsencesRoutes,
      ...absenceSettingsRoutes,
      ...classAbsenceRoutes,
      { path: 'kein-zugriff', name: 'forbidden', component: () => import('@/shell/ForbiddenView.vue') },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/shell/NotFoundView.vue') },
    ],
  },
];

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

router.beforeEach(authGuard);

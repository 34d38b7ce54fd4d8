import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';
import type { TimetableTargetKind } from '@/api/generated/graphql';
import { TARGET_ROUTES } from './timetable-targets';

// The own week for everyone with a timetable; the whole school's (classes, teachers, rooms) and the
// substitution plan for its staff; calendar subscriptions for everyone; the time grid for admins
// and management. The server checks each record again (NOT_FOUND outside the caller's rights).
const targetView = () => import('./views/TimetableTargetView.vue');
const READ_TIMETABLE = { action: 'read', subject: 'Timetable' } as const;
const READ_SCHOOL_TIMETABLE = { ...READ_TIMETABLE, perSchool: true } as const;

const TARGET_PATHS: Record<TimetableTargetKind, string> = {
  CLASS: 'stundenplan/klasse/:id',
  TEACHER: 'stundenplan/lehrkraft/:id',
  ROOM: 'stundenplan/raum/:id',
  PUPIL: 'stundenplan/schueler/:id',
};

const targetRoutes: RouteRecordRaw[] = (Object.keys(TARGET_PATHS) as TimetableTargetKind[]).map((kind) => ({
  path: TARGET_PATHS[kind],
  name: TARGET_ROUTES[kind],
  component: targetView,
  props: (route: RouteLocationNormalized) => ({ id: String(route.params.id), kind }),
  // A pupil's week is opened from the pupil's record; the others from the overview.
  meta: { ability: READ_TIMETABLE, sectionRoute: kind === 'PUPIL' ? 'pupils' : 'timetables' },
}));

export const timetableRoutes: RouteRecordRaw[] = [
  {
    path: 'stundenplan',
    name: 'my-timetable',
    component: () => import('./views/MyTimetableView.vue'),
    meta: { ability: READ_TIMETABLE },
  },
  {
    path: 'stundenplaene',
    name: 'timetables',
    component: () => import('./views/TimetableOverviewView.vue'),
    meta: { ability: READ_SCHOOL_TIMETABLE },
  },
  ...targetRoutes,
  {
    path: 'vertretungsplan',
    name: 'substitution-plan',
    component: () => import('./views/SubstitutionPlanView.vue'),
    meta: { ability: READ_SCHOOL_TIMETABLE },
  },
  {
    path: 'kalender-abos',
    name: 'calendar-feeds',
    component: () => import('./views/CalendarFeedsView.vue'),
    meta: { ability: { action: 'read', subject: 'CalendarFeed' } },
  },
  {
    path: 'verwaltung/zeitraster',
    name: 'time-grid',
    component: () => import('./views/TimeGridView.vue'),
    meta: { ability: { action: 'update', subject: 'TimeGrid', perSchool: true } },
  },
];

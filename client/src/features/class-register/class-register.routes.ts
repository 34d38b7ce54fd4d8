import { isCalendarDate } from '@schulverwaltung/shared';
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';
import { periodParam } from './register-lesson';

// The class register (Klassenbuch) for teachers: the lessons they teach or cover on a day, and one
// lesson's attendance, topic and homework. The class teacher and the office may read registers
// too; the server checks each lesson again (NOT_FOUND outside the caller's rights).
const READ_REGISTER = { action: 'read', subject: 'ClassRegister' } as const;

const lessonProps = (route: RouteLocationNormalized) => {
  const date = String(route.params.date);
  return {
    date: isCalendarDate(date) ? date : null,
    lineageId: String(route.params.lineageId),
    period: periodParam(route.params.period),
  };
};

export const classRegisterRoutes: RouteRecordRaw[] = [
  {
    path: 'klassenbuch',
    name: 'class-register',
    component: () => import('./views/ClassRegisterDayView.vue'),
    meta: { ability: READ_REGISTER },
  },
  {
    path: 'klassenbuch/:date/:lineageId/:period',
    name: 'class-register-lesson',
    component: () => import('./views/ClassRegisterLessonView.vue'),
    props: lessonProps,
    meta: { ability: READ_REGISTER, sectionRoute: 'class-register' },
  },
];

import type { RouteRecordRaw } from 'vue-router';

// The portal of guardians and pupils. Open to every signed-in user: the page itself explains when
// there is nothing to show (e.g. a parent without custody), and the server checks every pupil again.
// The navigation lists it only for pupils and guardians with custody (see navigation.ts).
export const myAbsencesRoutes: RouteRecordRaw[] = [
  {
    path: 'meine-fehlzeiten',
    name: 'my-absences',
    component: () => import('./views/MyAbsencesView.vue'),
  },
];

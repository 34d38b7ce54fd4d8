import type { RouteRecordRaw } from 'vue-router';

// The class teacher's absences: the navigation entry opens the own class (or a choice of classes),
// a class's page has the open absences, the class register's contradictions and the term
// overview; a pupil's page the certificate figures and the history. The server checks each
// record again (NOT_FOUND outside the caller's rights).
const READ_ABSENCES = { action: 'read', subject: 'Absence' } as const;

export const classAbsenceRoutes: RouteRecordRaw[] = [
  {
    // Shown to those who decide about absences (class teachers, office, school management).
    path: 'fehlzeiten-der-klasse',
    name: 'my-class-absences',
    component: () => import('./views/ClassAbsencesStartView.vue'),
    meta: { ability: { action: 'update', subject: 'Absence' } },
  },
  {
    path: 'klassen/:id/fehlzeiten',
    name: 'class-absences',
    component: () => import('./views/ClassAbsencesView.vue'),
    props: true,
    meta: { ability: READ_ABSENCES, sectionRoute: 'my-class-absences' },
  },
  {
    path: 'schueler/:id/fehlzeiten',
    name: 'pupil-absences',
    component: () => import('./views/PupilAbsencesView.vue'),
    props: true,
    meta: { ability: READ_ABSENCES, sectionRoute: 'pupils' },
  },
];

// Every migration, in order. Migrations use raw SQL and import nothing from server/.
import { InitialSchema1795835819791 } from './1795835819791-initial-schema';
import { TimetableAndUntis1795845392885 } from './1795845392885-timetable-and-untis';
import { AbsencesAndClassRegister1795847655000 } from './1795847655000-absences-and-class-register';
import { TimetableRevision1795860000000 } from './1795860000000-timetable-revision';
import { NameTypoKeys1795870000000 } from './1795870000000-name-typo-keys';

export const MIGRATIONS: Function[] = [InitialSchema1795835819791, TimetableAndUntis1795845392885, AbsencesAndClassRegister1795847655000, TimetableRevision1795860000000,
  NameTypoKeys1795870000000];

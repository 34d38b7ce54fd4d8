// Every migration, in order. Migrations use raw SQL and import nothing from server/.
import { InitialSchema1795835819791 } from './1795835819791-initial-schema';
import { TimetableAndUntis1795845392885 } from './1795845392885-timetable-and-untis';

export const MIGRATIONS: Function[] = [InitialSchema1795835819791, TimetableAndUntis1795845392885];

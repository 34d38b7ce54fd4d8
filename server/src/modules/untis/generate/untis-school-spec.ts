// The input of the Untis export generator: what a school's timetabler knows before planning
// (staff, classes, rooms, pupils, the Stundentafel, the couplings and upper-school courses).
// It is format-neutral; plan-timetable.ts turns it into lessons and placed periods, and
// write-gpu-files.ts renders those as Untis GPU files. All dates are ISO "YYYY-MM-DD".

export interface UntisSchoolSpec {
  schoolNumber: string;
  schoolName: string;
  schoolYear: { startsOn: string; endsOn: string };
  /** Periods of the time grid per day (GPU files carry period numbers only, no clock times). */
  periodsPerDay: number;
  teachers: UntisTeacherSpec[];
  subjects: UntisSubjectSpec[];
  rooms: UntisRoomSpec[];
  classes: UntisClassSpec[];
  pupils: UntisPupilSpec[];
  /** Stundentafel: weekly hours of each subject per grade level. */
  curriculum: CurriculumRow[];
  /** Lessons shared by several classes or split into parallel groups (one lesson number, several lines). */
  couplings: CouplingSpec[];
  /** Upper-school courses: lessons of the year-group class ("Q1", "12"), chosen by pupils. */
  courses: CourseSpec[];
  holidays: UntisHolidaySpec[];
  /** Teaching decided before planning (Lehrereinsatz), e.g. the class teacher's own subject. */
  fixedTeachers: FixedTeacherSpec[];
  /**
   * 'forbid' (default): a pupil's courses never overlap — needs choices made along bands, as real
   * upper schools do. 'avoid': overlaps are kept few — for choices made without bands, which no
   * timetable can serve without some overlaps.
   */
  courseChoiceClashes?: 'forbid' | 'avoid';
}

export type UntisGender = 'F' | 'M' | 'D';

export interface UntisTeacherSpec {
  /** Kürzel, the key in every Untis file */
  shortName: string;
  lastName: string;
  firstName: string;
  email?: string;
  gender?: UntisGender;
  /** Subjects the teacher is qualified for (base subjects such as "D", not course subjects "D  G1"). */
  subjects: string[];
  /** Weekly periods the teacher can give at most (Deputat); default 27. */
  maxWeeklyHours?: number;
  /** true: teaches only what fixedTeachers, lines and courses name, never gets open lessons. */
  hasOnlyFixedLessons?: boolean;
}

export interface UntisSubjectSpec {
  shortName: string;
  name: string;
  /** Kind of special room the subject needs (matches UntisRoomSpec.kind); none = the class's room. */
  roomKind?: string;
  /** true: only rooms of its kind will do (sport needs a hall); else it falls back to ordinary rooms. */
  requiresRoomKind?: boolean;
  /** Base subject of a course subject ("D" for "D  G1"); written as the Untis subject group (GPU006 field 13). */
  baseSubject?: string;
}

export interface UntisRoomSpec {
  shortName: string;
  name?: string;
  capacity?: number;
  /** Special-room kind ("Sporthalle", "Chemie", …); none = a general classroom any lesson may use. */
  kind?: string;
}

export interface UntisClassSpec {
  /** Untis short name: "7b", or the year group "Q1" / "12" whose lessons are courses. */
  name: string;
  longName?: string;
  gradeLevel: number;
  homeRoom?: string;
  /** The curriculum subjects this class takes (e.g. French or Latin); none = every row of its grade. */
  subjects?: string[];
  /** Last period the class may be taught in (primary schools end at period 5 or 6). */
  lastPeriod: number;
  /** Kürzel of the Klassenleitung; the planner gives them a lesson in the class. */
  classTeacher?: string;
  /** Pupils in the class when the pupils themselves are not part of the spec. */
  pupilCount?: number;
}

export interface UntisPupilSpec {
  /** Untis key (GPU010 field 1), e.g. "Müller_Lea_20120304" */
  key: string;
  lastName: string;
  firstName: string;
  className: string;
  birthDate?: string;
  gender?: UntisGender;
  email?: string;
  /** Schülernummer of the school's administration system */
  number?: string;
}

export interface CurriculumRow {
  gradeLevel: number;
  subject: string;
  weeklyHours: number;
  /** How many of the weekly hours are taught as double periods (each double counts 2). */
  doublePeriods?: number;
  /**
   * A one-hour subject taught as a double period every other week (Untis lesson group UW/GW).
   * The planner pairs two such subjects of a class so they alternate in the same slot.
   */
  isBiweekly?: boolean;
}

export interface CouplingLineSpec {
  subject: string;
  teacher?: string;
  /** Pupil keys of this line's group, written as course choices (GPU015). */
  pupils?: string[];
}

export interface CouplingSpec {
  /** Shown as GPU002 line text, e.g. "Religion/Ethik 7" */
  name: string;
  classes: string[];
  weeklyHours: number;
  doublePeriods?: number;
  lines: CouplingLineSpec[];
  /** All lines in one room (two halves of a class pair in one sports hall); default: a room per line. */
  sharesRoom?: boolean;
}

export interface CourseSpec {
  /** The year-group class ("Q1", "12") */
  className: string;
  /** Subject as written in the GPU files: a course subject ("D  G1") or the base subject ("D"). */
  subject: string;
  /** Untis student group (GPU002 field 42), the course's own name: "DG1_Q1", "de-G1". */
  studentGroup: string;
  weeklyHours: number;
  doublePeriods?: number;
  teacher?: string;
  pupils: string[];
  /** Courses of one band (Kursschiene) run at the same time; pupils take one course per band. */
  band?: string;
}

export interface UntisHolidaySpec {
  shortName: string;
  name: string;
  startsOn: string;
  endsOn: string;
  isPublicHoliday: boolean;
}

export interface FixedTeacherSpec {
  className: string;
  subject: string;
  teacher: string;
}

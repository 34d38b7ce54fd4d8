export const ACTIONS = ['manage', 'create', 'read', 'update', 'delete', 'grant', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

// A Timetable subject is one view of a school's timetable: `schoolId` and the target it shows, one of
// `classId`, `teacherId`, `roomId`, `pupilId`. With `schoolId` alone it stands for the whole timetable
// of the school (e.g. the daily substitution plan), which only school-wide rules open.
export const SUBJECTS = [
  'SchoolCarrier', 'School', 'SchoolYear', 'Holiday', 'Pupil', 'Guardianship', 'Enrolment',
  'Membership', 'Group', 'Subject', 'Room', 'ClassList', 'TimeGrid', 'Timetable', 'UntisImport', 'CalendarFeed',
  'Absence', 'AbsenceSettings', 'ClassRegister',
] as const;
export type SubjectName = (typeof SUBJECTS)[number];

/** Pupil fields everyone who may see a pupil may read; the rest (masterData) is sensitive. */
export const PUPIL_BASIC_FIELDS = [
  'id', 'schoolId', 'personId', 'firstName', 'lastName', 'birthDate', 'gender', 'isOfAge', 'classId',
  'class', 'enrolments', 'guardianships', 'version',
] as const;
// An Absence subject carries `schoolId`, `pupilId` and `classId` (the pupil's class that school year).
// A ClassRegister subject is one lesson on one day: `schoolId`, `teacherIds` (its teachers and
// substitutes that day) and `groupIds`.

/** Absence fields a teacher of the pupil may read: no note (health data) and no reporter details. */
export const ABSENCE_BASIC_FIELDS = [
  'id', 'schoolId', 'pupilId', 'classId', 'kind', 'startsOn', 'endsOn', 'periodFrom', 'periodTo', 'minutes', 'status',
  'reportedAt', 'version',
] as const;

/** Fields an adult pupil may change about themself. */
export const PUPIL_SELF_FIELDS = ['guardianAccessConsent'] as const;

import type {
  UntisGroupTargetsQuery, UntisPupilTargetsQuery, UntisRoomTargetsQuery, UntisSubjectTargetsQuery, UntisTeacherTargetsQuery,
} from '@/api/generated/graphql';
import { compareClasses, teacherName } from '@/features/classes/teacher-name';
import { formatDate } from '@/i18n/format-date';

// The records an Untis name can be mapped to, as options { id, label }. The id is what
// setUntisAlias expects: a teacher's person id, otherwise the record's own id.

export interface TargetOption {
  id: string;
  label: string;
}

type Teacher = UntisTeacherTargetsQuery['staff']['items'][number];
type Group = UntisGroupTargetsQuery['groups']['items'][number];
type Subject = UntisSubjectTargetsQuery['subjects'][number];
type Room = UntisRoomTargetsQuery['rooms'][number];
type Pupil = UntisPupilTargetsQuery['pupils']['items'][number];

const byLabel = (a: TargetOption, b: TargetOption) => a.label.localeCompare(b.label, 'de', { numeric: true });

/** "Müller, Anna (MÜL)": Untis names teachers by their Kürzel. */
export function teacherOptions(teachers: Teacher[]): TargetOption[] {
  return teachers.map((teacher) => ({ id: teacher.personId, label: teacherName(teacher) })).sort(byLabel);
}

/** Classes in school order (5a … 10d), then courses and working groups by name. */
export function groupOptions(groups: Group[]): TargetOption[] {
  const classes = groups.filter((g) => g.kind === 'CLASS').sort(compareClasses);
  const others = groups.filter((g) => g.kind !== 'CLASS').sort((a, b) => a.name.localeCompare(b.name, 'de', { numeric: true }));
  return [...classes, ...others].map((group) => ({ id: group.id, label: group.name }));
}

/** "M – Mathematik": the short name is what Untis writes. */
export function subjectOptions(subjects: Subject[]): TargetOption[] {
  return subjects.map((subject) => ({ id: subject.id, label: `${subject.shortName} – ${subject.name}` })).sort(byLabel);
}

export function roomOptions(rooms: Room[]): TargetOption[] {
  return rooms.map((room) => ({ id: room.id, label: room.name ? `${room.shortName} – ${room.name}` : room.shortName })).sort(byLabel);
}

/** "Müller, Anna (7b, 01.02.2013)": class and birth date tell namesakes apart. */
export function pupilOptions(pupils: Pupil[]): TargetOption[] {
  return pupils.map((pupil) => {
    const details = [pupil.class?.name, formatDate(pupil.birthDate, '')].filter(Boolean).join(', ');
    return { id: pupil.id, label: `${pupil.lastName}, ${pupil.firstName}${details ? ` (${details})` : ''}` };
  });
}

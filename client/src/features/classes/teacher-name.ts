import type { TeacherNameFragment } from '@/api/generated/graphql';

/** "Müller, Anna (MÜL)" — the abbreviation is how staff rooms and timetables name teachers. */
export function teacherName(teacher: TeacherNameFragment): string {
  const name = `${teacher.lastName}, ${teacher.firstName}`;
  return teacher.abbreviation ? `${name} (${teacher.abbreviation})` : name;
}

export function teacherNames(teachers: TeacherNameFragment[], fallback: string): string {
  return teachers.length > 0 ? teachers.map(teacherName).join('; ') : fallback;
}

/** Classes in school order: grade 5 before 10, then 5a, 5b … (numeric-aware). */
export function compareClasses(a: { gradeLevel: number | null; name: string }, b: { gradeLevel: number | null; name: string }): number {
  const byGrade = (a.gradeLevel ?? 99) - (b.gradeLevel ?? 99);
  return byGrade !== 0 ? byGrade : a.name.localeCompare(b.name, 'de', { numeric: true });
}

import type { DemoDataset } from '../src/demo/demo-data.types';
import type { DemoUsername } from '../src/demo/demo-logins';
import type { GraphqlResponse } from './test-app';

/** Finds the generated rows behind the demo logins, so rights tests can name real ids. */
export function demoLookup(demo: DemoDataset) {
  const find = <T>(rows: T[], test: (row: T) => boolean, what: string): T => {
    const row = rows.find(test);
    if (!row) throw new Error(`demo data: no ${what}`);
    return row;
  };
  const gym = find(demo.schools, (s) => s.type === 'GYMNASIUM', 'Gymnasium');
  const gs = find(demo.schools, (s) => s.type === 'GRUNDSCHULE', 'Grundschule');
  const currentYear = (schoolId: string) => find(demo.schoolYears, (y) => y.schoolId === schoolId && y.isCurrent, `current year of ${schoolId}`);

  return {
    gym,
    gs,
    currentYear,
    personIdOf: (username: DemoUsername) => find(demo.logins, (l) => l.username === username, `login ${username}`).personId,
    person: (personId: string) => find(demo.persons, (p) => p.id === personId, `person ${personId}`),
    group: (schoolId: string, name: string) => find(demo.groups, (g) => g.schoolId === schoolId && g.name === name, `group ${name}`),
    pupilOfPerson: (personId: string) => find(demo.pupils, (p) => p.personId === personId, `pupil of person ${personId}`),
    pupilsOfSchool: (schoolId: string) => demo.pupils.filter((p) => p.schoolId === schoolId),
    /** Active pupils of a group: enrolled in the class, or listed as course members. */
    pupilIdsOfGroup(groupId: string): string[] {
      const enrolled = demo.enrolments.filter((e) => e.classId === groupId && e.status === 'ACTIVE').map((e) => e.pupilId);
      const members = demo.groupMembers.filter((m) => m.groupId === groupId && m.role === 'PUPIL')
        .map((m) => find(demo.pupils, (p) => p.personId === m.personId && p.schoolId === m.schoolId, 'course member').id);
      return [...new Set([...enrolled, ...members])].sort();
    },
    /** Groups a person teaches or leads as class teacher. */
    groupIdsTaughtBy: (personId: string) => [...new Set(demo.groupMembers
      .filter((m) => m.personId === personId && (m.role === 'TEACHER' || m.role === 'CLASS_TEACHER')).map((m) => m.groupId))],
    guardianshipsOfPupil: (pupilId: string) => demo.guardianships.filter((g) => g.pupilId === pupilId),
    guardianshipsOfGuardian: (personId: string) => demo.guardianships.filter((g) => g.guardianPersonId === personId),
    lastNameOf: (pupilId: string) => find(demo.persons, (p) => p.id === find(demo.pupils, (x) => x.id === pupilId, 'pupil').personId, 'person').lastName,
  };
}

export type DemoLookup = ReturnType<typeof demoLookup>;

/** The error codes of a GraphQL answer, e.g. ['NOT_FOUND']. */
export const errorCodes = (result: GraphqlResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

export const sorted = (ids: string[]) => [...ids].sort();

/** The error code of a REST answer such as the class-list export: { error: { code } }. */
export const httpErrorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

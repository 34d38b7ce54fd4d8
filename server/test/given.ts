import { DataSource } from 'typeorm';
import type { TestApp, TestClient } from './test-app';
import { normalizeName, schoolYearContaining, schoolYearStartingIn, berlinDate, FederalState, GroupKind, SchoolRole } from '@schulverwaltung/shared';
import { AccountEntity } from '../src/auth/account.entity';
import { hashPassword } from '../src/auth/password';
import { RoomEntity } from '../src/modules/catalog/room.entity';
import { SubjectEntity } from '../src/modules/catalog/subject.entity';
import { GroupEntity } from '../src/modules/groups/group.entity';
import { GroupMemberEntity } from '../src/modules/groups/group-member.entity';
import { GuardianshipEntity } from '../src/modules/guardians/guardianship.entity';
import { EnrolmentEntity } from '../src/modules/pupils/enrolment.entity';
import { PersonEntity } from '../src/modules/pupils/person.entity';
import { PupilEntity } from '../src/modules/pupils/pupil.entity';
import { HolidayEntity } from '../src/modules/school-years/holiday.entity';
import { SchoolYearEntity } from '../src/modules/school-years/school-year.entity';
import { SchoolCarrierEntity } from '../src/modules/schools/school-carrier.entity';
import { SchoolEntity } from '../src/modules/schools/school.entity';
import { MembershipEntity } from '../src/modules/staff/membership.entity';

export const TEST_PASSWORD = 'Test-Passwort-1';
let sequence = 0;
const next = () => ++sequence;

/** Small builders: each test creates exactly the rows it needs. */
export function given(dataSource: DataSource) {
  const m = dataSource.manager;
  let passwordHash: Promise<string> | undefined;
  return {
    async carrier(values: Partial<SchoolCarrierEntity> = {}) {
      return m.save(m.create(SchoolCarrierEntity, { name: `Träger ${next()}`, federalState: 'BE', ...values }));
    },
    /** A school with its current school year. */
    async school(values: Partial<SchoolEntity> = {}) {
      const carrierId = values.carrierId ?? (await this.carrier()).id;
      const school = await m.save(m.create(SchoolEntity, {
        carrierId, schoolNumber: String(100000 + next()), name: `Schule ${sequence}`, type: 'GYMNASIUM', federalState: 'BE', ...values,
      }));
      const year = await m.save(m.create(SchoolYearEntity, { schoolId: school.id, ...schoolYearContaining(berlinDate()), isCurrent: true }));
      return { school, year };
    },
    async person(values: Partial<PersonEntity> = {}) {
      const firstName = values.firstName ?? `Vorname${next()}`;
      const lastName = values.lastName ?? `Nachname${sequence}`;
      return m.save(m.create(PersonEntity, { ...values, firstName, lastName, searchName: normalizeName(`${firstName} ${lastName}`) }));
    },
    async account(personId: string, username: string) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      return m.save(m.create(AccountEntity, { personId, username, passwordHash: await passwordHash }));
    },
    /** A person with an account and a role at a school. */
    async staff(schoolId: string, role: SchoolRole, username: string, abbreviation: string | null = null) {
      const person = await this.person();
      await this.account(person.id, username);
      await m.save(m.create(MembershipEntity, { personId: person.id, schoolId, role, abbreviation, validFrom: '2000-01-01' }));
      return person;
    },
    /** A state admin (federalState) or carrier admin (carrierId) with an account. */
    async admin(scope: { federalState: FederalState } | { carrierId: string }, username: string) {
      const person = await this.person();
      await this.account(person.id, username);
      const role = 'carrierId' in scope ? 'CARRIER_ADMIN' : 'STATE_ADMIN';
      await m.save(m.create(MembershipEntity, { personId: person.id, role, ...scope, validFrom: '2000-01-01' }));
      return person;
    },
    /** A further (not current) school year, e.g. startYear 2030 → 2030/31. */
    async schoolYear(schoolId: string, startYear: number, values: Partial<SchoolYearEntity> = {}) {
      return m.save(m.create(SchoolYearEntity, { schoolId, ...schoolYearStartingIn(startYear), isCurrent: false, ...values }));
    },
    async holiday(year: SchoolYearEntity, values: Partial<HolidayEntity> = {}) {
      return m.save(m.create(HolidayEntity, {
        schoolId: year.schoolId, schoolYearId: year.id, name: `Projekttag ${next()}`, startsOn: year.midYearOn, endsOn: year.midYearOn, kind: 'NO_LESSONS', ...values,
      }));
    },
    async subject(schoolId: string, values: Partial<SubjectEntity> = {}) {
      return m.save(m.create(SubjectEntity, { schoolId, shortName: `F${next()}`, name: `Fach ${sequence}`, ...values }));
    },
    async room(schoolId: string, values: Partial<RoomEntity> = {}) {
      return m.save(m.create(RoomEntity, { schoolId, shortName: `R${next()}`, name: null, capacity: null, ...values }));
    },
    async group(schoolId: string, schoolYearId: string, name: string, kind: GroupKind = 'CLASS', gradeLevel: number | null = 7) {
      return m.save(m.create(GroupEntity, { schoolId, schoolYearId, name, kind, gradeLevel }));
    },
    async groupMember(group: GroupEntity, personId: string, role: 'PUPIL' | 'TEACHER' | 'CLASS_TEACHER', position = 0) {
      return m.save(m.create(GroupMemberEntity, { schoolId: group.schoolId, groupId: group.id, personId, role, position }));
    },
    async pupil(schoolId: string, schoolYearId: string, classId: string | null, values: Partial<PersonEntity> & { guardianAccessConsent?: boolean } = {}) {
      const { guardianAccessConsent, ...personValues } = values;
      const person = await this.person({ birthDate: '2014-05-01', gender: 'W', ...personValues });
      const pupil = await m.save(m.create(PupilEntity, { schoolId, personId: person.id, guardianAccessConsent: guardianAccessConsent ?? false }));
      await m.save(m.create(EnrolmentEntity, { schoolId, pupilId: pupil.id, schoolYearId, classId, entryDate: '2026-08-01', status: 'ACTIVE' }));
      return { pupil, person };
    },
    async guardianship(pupil: PupilEntity, guardianPersonId: string, values: Partial<GuardianshipEntity> = {}) {
      return m.save(m.create(GuardianshipEntity, {
        schoolId: pupil.schoolId, pupilId: pupil.id, guardianPersonId, relation: 'MOTHER', hasCustody: true, mayExcuse: true, receivesMail: true, ...values,
      }));
    },
  };
}

/** A staff member with an account at the school, already signed in: the usual actor of a spec. */
export async function signedInStaff(app: TestApp, schoolId: string, role: SchoolRole, username: string): Promise<{ id: string; client: TestClient }> {
  const person = await given(app.dataSource).staff(schoolId, role, username);
  return { id: person.id, client: await app.as(username, TEST_PASSWORD) };
}

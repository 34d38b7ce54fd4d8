import { AccountEntity } from '../auth/account.entity';
import { LoginFailureEntity } from '../auth/login-failure.entity';
import { SessionEntity } from '../auth/session.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { RoomEntity } from '../modules/catalog/room.entity';
import { SubjectEntity } from '../modules/catalog/subject.entity';
import { GroupMemberEntity } from '../modules/groups/group-member.entity';
import { GroupEntity } from '../modules/groups/group.entity';
import { GuardianshipEntity } from '../modules/guardians/guardianship.entity';
import { EnrolmentEntity } from '../modules/pupils/enrolment.entity';
import { PersonEntity } from '../modules/pupils/person.entity';
import { PupilEntity } from '../modules/pupils/pupil.entity';
import { HolidayEntity } from '../modules/school-years/holiday.entity';
import { SchoolYearEntity } from '../modules/school-years/school-year.entity';
import { SchoolCarrierEntity } from '../modules/schools/school-carrier.entity';
import { SchoolEntity } from '../modules/schools/school.entity';
import { MembershipEntity } from '../modules/staff/membership.entity';

export const ENTITIES = [
  SchoolCarrierEntity, SchoolEntity, SchoolYearEntity, HolidayEntity, PersonEntity, PupilEntity,
  EnrolmentEntity, GuardianshipEntity, MembershipEntity, GroupEntity, GroupMemberEntity,
  SubjectEntity, RoomEntity, AccountEntity, SessionEntity, LoginFailureEntity, AuditEntryEntity,
];

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
import { CalendarFeedEntity } from '../modules/calendar-feeds/calendar-feed.entity';
import { AbsenceEntity } from '../modules/absences/absence.entity';
import { AbsenceLessonEntity } from '../modules/absences/absence-lesson.entity';
import { AbsenceSettingsEntity } from '../modules/absences/absence-settings.entity';
import { ExamEntity } from '../modules/absences/exam.entity';
import { AttendanceEntity } from '../modules/class-register/attendance.entity';
import { RegisterEntryEntity } from '../modules/class-register/register-entry.entity';
import { LessonEntity } from '../modules/timetable/lesson.entity';
import { SubstitutionEntity } from '../modules/timetable/substitution.entity';
import { TimeGridPeriodEntity } from '../modules/timetable/time-grid-period.entity';
import { TimetableEntryEntity } from '../modules/timetable/timetable-entry.entity';
import { UntisAliasEntity } from '../modules/untis/untis-alias.entity';
import { UntisImportEntity } from '../modules/untis/untis-import.entity';

export const ENTITIES = [
  SchoolCarrierEntity, SchoolEntity, SchoolYearEntity, HolidayEntity, PersonEntity, PupilEntity,
  EnrolmentEntity, GuardianshipEntity, MembershipEntity, GroupEntity, GroupMemberEntity,
  SubjectEntity, RoomEntity, AccountEntity, SessionEntity, LoginFailureEntity, AuditEntryEntity,
  TimeGridPeriodEntity, LessonEntity, TimetableEntryEntity, SubstitutionEntity, UntisAliasEntity, UntisImportEntity,
  CalendarFeedEntity, AbsenceEntity, AbsenceLessonEntity, AbsenceSettingsEntity, ExamEntity, RegisterEntryEntity, AttendanceEntity,
];

import { EntityManager } from 'typeorm';
import { isOfAge, MembershipRole, SCHOOL_ROLES, SchoolRole, SessionUser } from '@schulverwaltung/shared';

export interface AuthenticatedAccount {
  accountId: string;
  personId: string;
  username: string;
  displayName: string;
}

interface FactsRow {
  memberships: { role: MembershipRole; schoolId: string | null; federalState: string | null }[];
  admin_school_ids: string[];
  admin_carrier_ids: string[];
  groups: { groupId: string; isClassTeacher: boolean }[];
  group_pupils: { groupId: string; pupilId: string }[];
  self: { pupilId: string; schoolId: string; classId: string | null; birthDate: string | null }[];
  children: { pupilId: string; schoolId: string; classId: string | null; hasCustody: boolean; birthDate: string | null; consent: boolean }[];
}

// One round trip collects every fact the rules need. It runs on every request, because roles,
// taught groups and the age rule can change during the day (rules are never frozen at sign-in).
const FACTS_SQL = `
WITH m AS (
  SELECT role, school_id, carrier_id, federal_state FROM memberships
  WHERE person_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)
),
current_years AS (SELECT id FROM school_years WHERE is_current),
my_groups AS (
  SELECT gm.group_id, bool_or(gm.role = 'CLASS_TEACHER') AS is_class_teacher
  FROM group_members gm JOIN groups g ON g.id = gm.group_id
  WHERE gm.person_id = $1 AND gm.role IN ('TEACHER', 'CLASS_TEACHER') AND g.school_year_id IN (SELECT id FROM current_years)
  GROUP BY gm.group_id
),
group_pupils AS (
  SELECT e.class_id AS group_id, e.pupil_id FROM enrolments e
  WHERE e.class_id IN (SELECT group_id FROM my_groups) AND e.status = 'ACTIVE'
  UNION
  SELECT gm.group_id, p.id FROM group_members gm JOIN pupils p ON p.person_id = gm.person_id AND p.school_id = gm.school_id
  WHERE gm.group_id IN (SELECT group_id FROM my_groups) AND gm.role = 'PUPIL'
),
current_class AS (
  SELECT e.pupil_id, e.class_id FROM enrolments e WHERE e.school_year_id IN (SELECT id FROM current_years)
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('role', role, 'schoolId', school_id, 'federalState', federal_state)), '[]') FROM m) AS memberships,
  (SELECT coalesce(json_agg(s.id), '[]') FROM schools s
    WHERE s.federal_state IN (SELECT federal_state FROM m WHERE role = 'STATE_ADMIN')
       OR s.carrier_id IN (SELECT carrier_id FROM m WHERE role = 'CARRIER_ADMIN')
       OR s.id IN (SELECT school_id FROM m WHERE role = 'SCHOOL_ADMIN')) AS admin_school_ids,
  (SELECT coalesce(json_agg(c.id), '[]') FROM school_carriers c
    WHERE c.federal_state IN (SELECT federal_state FROM m WHERE role = 'STATE_ADMIN')
       OR c.id IN (SELECT carrier_id FROM m WHERE role = 'CARRIER_ADMIN')) AS admin_carrier_ids,
  (SELECT coalesce(json_agg(json_build_object('groupId', group_id, 'isClassTeacher', is_class_teacher)), '[]') FROM my_groups) AS groups,
  (SELECT coalesce(json_agg(json_build_object('groupId', group_id, 'pupilId', pupil_id)), '[]') FROM group_pupils) AS group_pupils,
  (SELECT coalesce(json_agg(json_build_object('pupilId', p.id, 'schoolId', p.school_id, 'classId', cc.class_id, 'birthDate', pe.birth_date)), '[]')
    FROM pupils p JOIN persons pe ON pe.id = p.person_id LEFT JOIN current_class cc ON cc.pupil_id = p.id
    WHERE p.person_id = $1) AS self,
  (SELECT coalesce(json_agg(json_build_object('pupilId', p.id, 'schoolId', p.school_id, 'classId', cc.class_id,
      'hasCustody', g.has_custody AND NOT g.has_information_block, 'birthDate', pe.birth_date, 'consent', p.guardian_access_consent)), '[]')
    FROM guardianships g JOIN pupils p ON p.id = g.pupil_id JOIN persons pe ON pe.id = p.person_id
    LEFT JOIN current_class cc ON cc.pupil_id = p.id
    WHERE g.guardian_person_id = $1) AS children`;

const unique = <T>(values: T[]) => [...new Set(values)];

export async function loadSessionUser(manager: EntityManager, account: AuthenticatedAccount, today: string): Promise<SessionUser> {
  const [facts] = (await manager.query(FACTS_SQL, [account.personId, today])) as FactsRow[];
  const schoolRoles = facts.memberships
    .filter((m): m is { role: SchoolRole; schoolId: string; federalState: null } => (SCHOOL_ROLES as readonly string[]).includes(m.role) && !!m.schoolId)
    .map((m) => ({ schoolId: m.schoolId, role: m.role }));
  const classGroupIds = new Set(facts.groups.filter((g) => g.isClassTeacher).map((g) => g.groupId));
  return {
    ...account,
    today,
    stateAdminOf: unique(facts.memberships.filter((m) => m.role === 'STATE_ADMIN').map((m) => m.federalState)) as SessionUser['stateAdminOf'],
    adminCarrierIds: facts.admin_carrier_ids,
    adminSchoolIds: facts.admin_school_ids,
    schoolRoles,
    teaching: { groupIds: facts.groups.map((g) => g.groupId), pupilIds: unique(facts.group_pupils.map((p) => p.pupilId)) },
    classTeaching: {
      groupIds: [...classGroupIds],
      pupilIds: unique(facts.group_pupils.filter((p) => classGroupIds.has(p.groupId)).map((p) => p.pupilId)),
    },
    self: facts.self.map((s) => ({ pupilId: s.pupilId, schoolId: s.schoolId, classId: s.classId, isOfAge: isOfAge(s.birthDate, today) })),
    // The age rule: a child of age is visible to guardians only with the child's consent.
    children: facts.children
      .filter((c) => !isOfAge(c.birthDate, today) || c.consent)
      .map((c) => ({ pupilId: c.pupilId, schoolId: c.schoolId, classId: c.classId, hasCustody: c.hasCustody })),
  };
}

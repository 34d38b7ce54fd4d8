import { EntityManager } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { isOfAge, MembershipRole, SCHOOL_ROLES, SchoolRole, SessionUser } from '@schulverwaltung/shared';

export interface AuthenticatedAccount {
  accountId: string;
  personId: string;
  username: string;
  displayName: string;
}

interface SessionAccountRow {
  account_id: string;
  person_id: string;
  username: string;
  display_name: string;
}

interface FactsRow {
  memberships: { role: MembershipRole; schoolId: string | null; federalState: string | null }[];
  admin_school_ids: string[];
  admin_carrier_ids: string[];
  groups: { groupId: string; isClassTeacher: boolean }[];
  group_pupils: { groupId: string; pupilId: string }[];
  self: { pupilId: string; schoolId: string; classId: string | null; birthDate: string | null }[];
  children: { pupilId: string; schoolId: string; classId: string | null; hasCustody: boolean; mayExcuse: boolean; birthDate: string | null; consent: boolean }[];
}

// The class of pupil p in its school's current year.
const CURRENT_CLASS = `(SELECT e.class_id FROM enrolments e JOIN school_years sy ON sy.id = e.school_year_id AND sy.is_current WHERE e.pupil_id = p.id)`;

// One round trip collects every fact the rules need. It runs on every request, because roles,
// taught groups and the age rule can change during the day (rules are never frozen at sign-in).
// `person` is an SQL expression for the person's id; $2 is today.
function factsSql(person: string, prelude = '', extraColumns = '') {
  return `
WITH ${prelude}m AS (
  SELECT role, school_id, carrier_id, federal_state FROM memberships
  WHERE person_id = ${person} AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)
),
my_groups AS (
  SELECT gm.group_id, bool_or(gm.role = 'CLASS_TEACHER') AS is_class_teacher
  FROM group_members gm
  JOIN groups g ON g.id = gm.group_id
  JOIN school_years sy ON sy.id = g.school_year_id AND sy.is_current
  WHERE gm.person_id = ${person} AND gm.role IN ('TEACHER', 'CLASS_TEACHER')
  GROUP BY gm.group_id
),
group_pupils AS (
  SELECT e.class_id AS group_id, e.pupil_id FROM my_groups mg
  JOIN enrolments e ON e.class_id = mg.group_id AND e.status = 'ACTIVE'
  UNION
  SELECT gm.group_id, p.id FROM my_groups mg
  JOIN group_members gm ON gm.group_id = mg.group_id AND gm.role = 'PUPIL'
  JOIN pupils p ON p.person_id = gm.person_id AND p.school_id = gm.school_id
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
  (SELECT coalesce(json_agg(json_build_object('pupilId', p.id, 'schoolId', p.school_id, 'classId', ${CURRENT_CLASS}, 'birthDate', pe.birth_date)), '[]')
    FROM pupils p JOIN persons pe ON pe.id = p.person_id
    WHERE p.person_id = ${person}) AS self,
  (SELECT coalesce(json_agg(json_build_object('pupilId', p.id, 'schoolId', p.school_id, 'classId', ${CURRENT_CLASS},
      'hasCustody', g.has_custody AND NOT g.has_information_block, 'mayExcuse', g.may_excuse AND g.has_custody AND NOT g.has_information_block,
      'birthDate', pe.birth_date, 'consent', p.guardian_access_consent)), '[]')
    FROM guardianships g JOIN pupils p ON p.id = g.pupil_id JOIN persons pe ON pe.id = p.person_id
    WHERE g.guardian_person_id = ${person}) AS children${extraColumns}`;
}

const FACTS_OF_PERSON = factsSql('$1');

// The session (by its token hash, $1) and its person's facts in one statement: most requests
// need nothing else before their own query.
const SESSION_WITH_FACTS = factsSql('(SELECT person_id FROM session_account)', `session_account AS (
  SELECT a.id AS account_id, a.person_id, a.username, pe.first_name || ' ' || pe.last_name AS display_name
  FROM sessions s JOIN accounts a ON a.id = s.account_id JOIN persons pe ON pe.id = a.person_id
  WHERE s.token_hash = $1 AND s.expires_at > now() AND a.is_active
),
`, `,
  (SELECT row_to_json(session_account) FROM session_account) AS account`);

const unique = <T>(values: T[]) => [...new Set(values)];

export async function loadSessionUser(manager: EntityManager, account: AuthenticatedAccount, today: string): Promise<SessionUser> {
  const [facts] = await queryPrepared<FactsRow>(manager, FACTS_OF_PERSON, [account.personId, today]);
  return toSessionUser(account, facts, today);
}

/** The signed-in account and its facts for a session token hash, or null for an unknown or expired session. */
export async function loadSessionByTokenHash(manager: EntityManager, tokenHash: string, today: string): Promise<{ account: AuthenticatedAccount; user: SessionUser } | null> {
  const [row] = await queryPrepared<FactsRow & { account: SessionAccountRow | null }>(manager, SESSION_WITH_FACTS, [tokenHash, today]);
  if (!row.account) return null;
  const account = { accountId: row.account.account_id, personId: row.account.person_id, username: row.account.username, displayName: row.account.display_name };
  return { account, user: toSessionUser(account, row, today) };
}

function toSessionUser(account: AuthenticatedAccount, facts: FactsRow, today: string): SessionUser {
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
      .map((c) => ({ pupilId: c.pupilId, schoolId: c.schoolId, classId: c.classId, hasCustody: c.hasCustody, mayExcuse: c.mayExcuse })),
  };
}

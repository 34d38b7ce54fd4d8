import { EntityManager } from 'typeorm';
import { isOfAge } from '@schulverwaltung/shared';
import { badInput } from '../../common/app-error';
import { queryPrepared } from '../../database/prepared-query';
import { AbsenceLetterData, LetterAddressee, LetterPerson, unexcusedEntries } from './absence-letter.builder';
import { PupilStatisticsResult } from './absence-statistics.service';

// Who the letter goes to: guardians with custody who receive mail — never one with an information
// block (Auskunftssperre), whatever else is set. A pupil of age receives it themself, and their
// guardians only with the pupil's consent.

interface PostalPerson extends LetterPerson {
  street: string | null;
  postalCode: string | null;
  city: string | null;
}

interface LetterRow {
  school: AbsenceLetterData['school'];
  classTeachers: { firstName: string; lastName: string }[];
  guardians: PostalPerson[];
  pupil: PostalPerson & { guardianAccessConsent: boolean };
}

// $1 school, $2 class (may be null), $3 pupil.
const LETTER_SQL = `
  SELECT
    (SELECT json_build_object('name', s.name, 'street', s.street, 'postalCode', s.postal_code, 'city', s.city) FROM schools s WHERE s.id = $1) AS school,
    (SELECT coalesce(json_agg(json_build_object('firstName', pe.first_name, 'lastName', pe.last_name) ORDER BY gm.position, pe.last_name), '[]')
     FROM group_members gm JOIN persons pe ON pe.id = gm.person_id WHERE gm.group_id = $2 AND gm.role = 'CLASS_TEACHER') AS "classTeachers",
    (SELECT coalesce(json_agg(json_build_object('firstName', pe.first_name, 'lastName', pe.last_name, 'gender', pe.gender,
        'street', pe.street, 'postalCode', pe.postal_code, 'city', pe.city) ORDER BY g.sort_order, pe.last_name, pe.id), '[]')
     FROM guardianships g JOIN persons pe ON pe.id = g.guardian_person_id
     WHERE g.pupil_id = $3 AND g.receives_mail AND g.has_custody AND NOT g.has_information_block) AS guardians,
    (SELECT json_build_object('firstName', pe.first_name, 'lastName', pe.last_name, 'gender', pe.gender, 'street', pe.street,
        'postalCode', pe.postal_code, 'city', pe.city, 'guardianAccessConsent', p.guardian_access_consent)
     FROM pupils p JOIN persons pe ON pe.id = p.person_id WHERE p.id = $3) AS pupil`;

/** Everything the letter prints; BAD_USER_INPUT when nobody may receive it. */
export async function loadLetterData(manager: EntityManager, result: PupilStatisticsResult, today: string): Promise<AbsenceLetterData> {
  const { pupil, counted, context, statistics } = result;
  const [row] = await queryPrepared<LetterRow>(manager, LETTER_SQL, [pupil.schoolId, pupil.classId, pupil.pupilId]);
  const isPupilAddressed = isOfAge(pupil.birthDate, today);
  const { guardianAccessConsent, ...pupilAddress } = row.pupil;
  const recipients = isPupilAddressed ? [pupilAddress, ...(guardianAccessConsent ? row.guardians : [])] : row.guardians;
  if (recipients.length === 0) {
    throw badInput('pupilId', 'niemand kann den Brief erhalten: keine sorgeberechtigte Person mit Postempfang und ohne Auskunftssperre', 'no_recipient');
  }
  return {
    school: row.school,
    addressees: byPostalAddress(recipients),
    pupil: { firstName: pupil.firstName, lastName: pupil.lastName, gender: pupil.gender, className: pupil.className },
    isPupilAddressed,
    schoolYearName: context.year.name,
    term: statistics.term ?? 1,
    printedOn: today,
    daysUnexcused: counted.count.figures.daysUnexcused,
    lessonsUnexcused: counted.count.figures.lessonsUnexcused,
    entries: unexcusedEntries(counted.count.days),
    classTeachers: row.classTeachers.map((teacher) => `${teacher.firstName} ${teacher.lastName}`),
  };
}

// Parents at one address get one letter naming both; separated parents one each.
function byPostalAddress(people: PostalPerson[]): LetterAddressee[] {
  const byAddress = new Map<string, LetterAddressee>();
  for (const { street, postalCode, city, ...person } of people) {
    const key = [street, postalCode, city].map((part) => (part ?? '').trim().toLowerCase()).join('|');
    const addressee = byAddress.get(key);
    if (addressee) addressee.people.push(person);
    else byAddress.set(key, { people: [person], street, postalCode, city });
  }
  return [...byAddress.values()];
}

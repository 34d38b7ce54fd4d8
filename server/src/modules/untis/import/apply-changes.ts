import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { RoomEntity } from '../../catalog/room.entity';
import { SubjectEntity } from '../../catalog/subject.entity';
import { GroupEntity } from '../../groups/group.entity';
import { GroupMemberEntity } from '../../groups/group-member.entity';
import { PersonEntity } from '../../pupils/person.entity';
import { HolidayEntity } from '../../school-years/holiday.entity';
import { MembershipEntity } from '../../staff/membership.entity';
import { LessonEntity } from '../../timetable/lesson.entity';
import { SubstitutionEntity } from '../../timetable/substitution.entity';
import { TimeGridPeriodEntity } from '../../timetable/time-grid-period.entity';
import { TimetableEntryEntity } from '../../timetable/timetable-entry.entity';
import { normalizeName } from '@schulverwaltung/shared';
import type { PlannedCreation } from './name-matching';
import type { RowChanges } from './timetable-diff';
import type { ImportPlan } from './import-plan';

// Writes an import plan inside the caller's transaction: multi-row INSERTs in chunks (row-by-row
// save() is ~40× slower, stack-notes pitfall 6), one UPDATE per changed row, set-based end-dating
// and deletes. Returns how many rows were written.

const CHUNK = 500;

async function insertChunks<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, rows: object[]): Promise<number> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await manager.createQueryBuilder().insert().into(entity).values(rows.slice(start, start + CHUNK) as never).updateEntity(false).execute();
  }
  return rows.length;
}

async function applyRows<E extends ObjectLiteral>(
  manager: EntityManager, entity: EntityTarget<E>, rows: RowChanges<object & { id: string }>, extra: object,
): Promise<number> {
  const table = manager.connection.getMetadata(entity).tableName;
  let written = await insertChunks(manager, entity, rows.insert.map((row) => ({ ...row, ...extra })));
  for (const { id, ...values } of rows.update) {
    await manager.createQueryBuilder().update(entity).set({ ...values, ...extra, version: () => 'version + 1' } as never).where('id = :id', { id }).execute();
    written++;
  }
  const byValidTo = new Map<string, string[]>();
  for (const { id, validTo } of rows.endDate) byValidTo.set(validTo, [...(byValidTo.get(validTo) ?? []), id]);
  for (const [validTo, ids] of byValidTo) {
    await manager.query(`UPDATE ${table} SET valid_to = $1, version = version + 1, updated_at = now() WHERE id = ANY($2)`, [validTo, ids]);
    written += ids.length;
  }
  if (rows.remove.length) {
    await manager.query(`DELETE FROM ${table} WHERE id = ANY($1)`, [rows.remove]);
    written += rows.remove.length;
  }
  return written;
}

async function createCatalogEntries(manager: EntityManager, plan: ImportPlan): Promise<number> {
  const { school, schoolYear } = plan.snapshot;
  const of = (kind: PlannedCreation['kind']) => plan.creations.filter((c) => c.kind === kind);
  let written = await insertChunks(manager, SubjectEntity, of('SUBJECT').map((c) => ({ id: c.id, schoolId: school.id, shortName: c.untisName, name: c.name ?? c.untisName })));
  written += await insertChunks(manager, RoomEntity, of('ROOM').map((c) => ({ id: c.id, schoolId: school.id, shortName: c.untisName, name: c.name ?? null })));
  written += await insertChunks(manager, GroupEntity, of('CLASS').map((c) => ({
    id: c.id, schoolId: school.id, schoolYearId: schoolYear.id, kind: 'CLASS', name: c.untisName.replace(/^0+(?=\d)/, ''),
    gradeLevel: Number.parseInt(c.untisName, 10) || null, externalId: c.untisName,
  })));
  for (const teacher of of('TEACHER')) {
    const [lastName, ...rest] = (teacher.name ?? teacher.untisName).split(' ').reverse();
    const firstName = rest.reverse().join(' ') || teacher.untisName;
    await manager.insert(PersonEntity, { id: teacher.id, firstName, lastName, searchName: normalizeName(`${firstName} ${lastName}`) });
    await manager.insert(MembershipEntity, { personId: teacher.id, role: 'TEACHER', schoolId: school.id, abbreviation: teacher.untisName, validFrom: schoolYear.startsOn });
    written += 2;
  }
  return written;
}

export async function applyPlan(manager: EntityManager, plan: ImportPlan, importId: string): Promise<number> {
  const { school, schoolYear } = plan.snapshot;
  const owned = { schoolId: school.id };
  const imported = { ...owned, importId };
  let written = await createCatalogEntries(manager, plan);
  written += await applyRows(manager, LessonEntity, plan.timetable.lessons.rows, { ...imported, schoolYearId: schoolYear.id });
  written += await applyRows(manager, TimetableEntryEntity, plan.timetable.entries.rows, { ...imported, schoolYearId: schoolYear.id });
  written += await applyRows(manager, SubstitutionEntity, plan.substitutions.rows, imported);
  written += await applyRows(manager, HolidayEntity, plan.holidays.rows, { ...owned, schoolYearId: schoolYear.id });
  written += await applyRows(manager, TimeGridPeriodEntity, plan.timeGrid.rows, owned);
  written += await applyRows(manager, GroupMemberEntity, plan.courseMembers.rows, { ...owned, role: 'PUPIL' });
  return written;
}

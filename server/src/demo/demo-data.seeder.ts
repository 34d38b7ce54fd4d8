import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { AccountEntity } from '../auth/account.entity';
import { hashPassword } from '../auth/password';
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
import type { AccountRow, DemoDataset } from './demo-data.types';

// Writes a generated dataset in one transaction: all of it or nothing. Multi-row inserts of a few
// hundred rows keep ~10,000 rows to a few dozen statements (save() per row would take minutes).

const CHUNK_SIZE = 500;

interface InsertStep {
  table: string;
  rows: number;
  run(manager: EntityManager): Promise<void>;
}

function step<E extends ObjectLiteral>(table: string, entity: EntityTarget<E>, rows: QueryDeepPartialEntity<E>[]): InsertStep {
  return { table, rows: rows.length, run: (manager) => insertInChunks(manager, entity, rows) };
}

async function insertInChunks<E extends ObjectLiteral>(
  manager: EntityManager, entity: EntityTarget<E>, rows: QueryDeepPartialEntity<E>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    // updateEntity(false): no RETURNING of ids and defaults we already know or do not need.
    await manager.createQueryBuilder().insert().into(entity).values(rows.slice(start, start + CHUNK_SIZE)).updateEntity(false).execute();
  }
}

/** Tables in foreign-key order. */
function insertionSteps(dataset: DemoDataset, accounts: QueryDeepPartialEntity<AccountEntity>[]): InsertStep[] {
  return [
    step('school_carriers', SchoolCarrierEntity, dataset.schoolCarriers),
    step('schools', SchoolEntity, dataset.schools),
    step('school_years', SchoolYearEntity, dataset.schoolYears),
    step('holidays', HolidayEntity, dataset.holidays),
    step('subjects', SubjectEntity, dataset.subjects),
    step('rooms', RoomEntity, dataset.rooms),
    step('persons', PersonEntity, dataset.persons),
    step('accounts', AccountEntity, accounts),
    step('memberships', MembershipEntity, dataset.memberships),
    step('groups', GroupEntity, dataset.groups),
    step('group_members', GroupMemberEntity, dataset.groupMembers),
    step('pupils', PupilEntity, dataset.pupils),
    step('enrolments', EnrolmentEntity, dataset.enrolments),
    step('guardianships', GuardianshipEntity, dataset.guardianships),
  ];
}

/** scrypt takes ~50 ms: each distinct password is hashed once and the hash reused. */
async function withPasswordHashes(accounts: readonly AccountRow[]): Promise<QueryDeepPartialEntity<AccountEntity>[]> {
  const hashes = new Map<string, string>();
  for (const password of new Set(accounts.map((account) => account.password))) {
    hashes.set(password, await hashPassword(password));
  }
  return accounts.map(({ password, ...account }) => ({ ...account, passwordHash: hashes.get(password) ?? null }));
}

export async function seedDemoData(
  dataSource: DataSource, dataset: DemoDataset, onProgress: (message: string) => void = () => undefined,
): Promise<void> {
  const accounts = await withPasswordHashes(dataset.accounts);
  await dataSource.transaction(async (manager) => {
    for (const insert of insertionSteps(dataset, accounts)) {
      await insert.run(manager);
      onProgress(`Demo data: ${insert.table} (${insert.rows} rows)`);
    }
  });
  // Fresh statistics, so the planner knows the tables are no longer empty (autovacuum may take minutes).
  await dataSource.query('ANALYZE');
}

/** true while no school exists: the server seeds the demo only on its first start. */
export async function isDatabaseEmpty(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.getRepository(SchoolEntity).exists());
}

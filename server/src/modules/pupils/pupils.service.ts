import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { createPupilSchema, enrolmentSchema, normalizeName, updateEnrolmentSchema, updatePupilSchema } from '@schulverwaltung/shared';
import { assertCan, can, checkId, loadVisible } from '../../common/access';
import { badInput, forbidden, notFound } from '../../common/app-error';
import { germanSortKey } from '../../common/german-sort';
import { checkPage, Page, PageInput } from '../../common/pagination';
import { parseInput } from '../../common/validation';
import { rawManyPrepared } from '../../database/prepared-query';
import { bumpVersion, updateVersioned } from '../../common/versioned-update';
import { scopeFor } from '../../authz/scope-to-sql';
import { RequestContext } from '../../authz/request-context';
import { creationFields, diffFields, recordAudit } from '../audit/audit.service';
import { GroupEntity } from '../groups/group.entity';
import { GUARDIANSHIPS_OF_PUPIL_JSON, guardianshipsByPupilId } from '../guardians/guardians.loaders';
import type { Guardianship } from '../guardians/guardian.types';
import { SchoolYearEntity } from '../school-years/school-year.entity';
import { EnrolmentEntity } from './enrolment.entity';
import { NAME_MATCH_ORDER, NAME_TYPO_MATCH } from './name-match';
import { PersonEntity } from './person.entity';
import { PupilEntity } from './pupil.entity';
import { PUPIL_COLUMNS, pupilQuery, PupilRow, toPupil } from './pupil.read-model';
import { CreatePupilInput, Pupil, PupilFilter, PupilSort, PupilSortField, UpdateEnrolmentInput, UpdatePupilInput } from './pupil.types';

// Trigram word similarity above which a name counts as a match: catches one-letter typos in
// names of five letters or more ("Mülller", "Mueler" → "Müller").
const SIMILARITY_THRESHOLD = 0.4;

const LAST = germanSortKey('pe.last_name');
const FIRST = germanSortKey('pe.first_name');
const SORT_COLUMNS: Record<PupilSortField, string[]> = {
  LAST_NAME: [LAST, FIRST],
  FIRST_NAME: [FIRST, LAST],
  BIRTH_DATE: ['pe.birth_date', LAST, FIRST],
  CLASS: ['cl.grade_level', 'cl.name', LAST, FIRST],
};

const PUPIL_LABEL = 'Die Schülerin/der Schüler';
const PERSON_FIELDS = ['firstName', 'lastName', 'birthDate', 'gender', 'birthPlace', 'street', 'postalCode', 'city'] as const;
const PUPIL_FIELDS = ['religiousEducation', 'emergencyContacts', 'measlesProofOn', 'photoConsent', 'guardianAccessConsent'] as const;

function pick<T extends object, K extends keyof T>(values: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]])) as Partial<Pick<T, K>>;
}

@Injectable()
export class PupilsService {
  constructor(private readonly dataSource: DataSource) {}

  /** `withGuardianships`: the caller will resolve items' guardianships; fetch them in the same statement. */
  async list(ctx: RequestContext, filter: PupilFilter, pageInput?: PageInput, sort?: PupilSort, withGuardianships = false): Promise<Page<Pupil>> {
    const page = checkPage(pageInput);
    const scope = scopeFor(ctx.ability, 'read', 'Pupil', PUPIL_COLUMNS);
    if (scope.isEmpty) return { items: [], total: 0 };
    const qb = pupilQuery(this.dataSource.manager);
    scope.apply(qb);
    if (filter.schoolId) qb.andWhere('p.school_id = :schoolId', { schoolId: checkId(filter.schoolId, 'filter.schoolId') });
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    if (filter.classId) {
      // Driven from the group (its enrolments or course members), so only its ~30 pupils are read.
      qb.andWhere(`p.id IN (SELECT ce.pupil_id FROM enrolments ce WHERE ce.class_id = :groupId
          UNION SELECT gp.id FROM group_members gm JOIN pupils gp ON gp.person_id = gm.person_id AND gp.school_id = gm.school_id
          WHERE gm.group_id = :groupId AND gm.role = 'PUPIL')`, { groupId: checkId(filter.classId, 'filter.classId') });
    }
    const search = normalizeName(filter.search ?? '');
    if (search) {
      qb.andWhere(`(pe.search_name LIKE :like OR word_similarity(:search, pe.search_name) >= ${SIMILARITY_THRESHOLD} OR ${NAME_TYPO_MATCH})`, { search, like: `%${search}%` });
    }
    // Every joined row is one pupil (current year and enrolment are unique), so count(*) counts pupils;
    // as a window it comes with the page in the same statement.
    const counted = () => qb.clone().select('count(*)::int', 'total').orderBy().offset(undefined).limit(undefined);
    this.applySort(qb, sort, search);
    if (withGuardianships) qb.addSelect(GUARDIANSHIPS_OF_PUPIL_JSON, 'guardianships');
    const rows = await rawManyPrepared<PupilRow & { total: number; guardianships?: Guardianship[] }>(
      this.dataSource.manager, qb.addSelect('count(*) OVER ()::int', 'total').offset(page.offset).limit(page.limit));
    if (withGuardianships) this.primeGuardianships(ctx, rows);
    const total = rows[0]?.total ?? (page.offset > 0 ? (await rawManyPrepared<{ total: number }>(this.dataSource.manager, counted()))[0].total : 0);
    return { items: rows.map((r) => toPupil(r, ctx, r.guardianships)), total };
  }

  private primeGuardianships(ctx: RequestContext, rows: { id: string; guardianships?: Guardianship[] }[]) {
    const loader = ctx.loaders.get(guardianshipsByPupilId);
    for (const row of rows) loader.prime(row.id, row.guardianships ?? []);
  }

  private applySort(qb: ReturnType<typeof pupilQuery>, sort: PupilSort | undefined, search: string) {
    // Without an explicit order a search lists the best matches first.
    if (search && !sort) NAME_MATCH_ORDER.forEach((rank, i) => (i === 0 ? qb.orderBy(rank, 'DESC') : qb.addOrderBy(rank, 'DESC')));
    const direction = sort?.direction ?? 'ASC';
    for (const column of SORT_COLUMNS[sort?.field ?? PupilSortField.LAST_NAME]) qb.addOrderBy(column, direction, 'NULLS LAST');
    qb.addOrderBy('p.id');
  }

  async get(ctx: RequestContext, id: string, manager: EntityManager = this.dataSource.manager): Promise<Pupil> {
    const [row] = await rawManyPrepared<PupilRow>(manager, pupilQuery(manager).where('p.id = :id', { id: checkId(id) }));
    if (!row || !can(ctx.ability, 'read', 'Pupil', row)) throw notFound('Schüler:in', id);
    return toPupil(row, ctx);
  }

  async create(ctx: RequestContext, schoolId: string, input: CreatePupilInput): Promise<Pupil> {
    assertCan(ctx.ability, 'create', 'Pupil', { schoolId: checkId(schoolId, 'schoolId') }, 'das Anlegen von Schüler:innen an dieser Schule');
    const { enrolment: enrolmentInput, ...pupilInput } = input;
    const values = parseInput(createPupilSchema, pupilInput);
    const enrolment = parseInput(enrolmentSchema, enrolmentInput, 'input.enrolment');
    const id = await this.dataSource.transaction(async (manager) => {
      await this.checkEnrolmentTarget(manager, schoolId, enrolmentInput.schoolYearId, enrolment.classId ?? null);
      const person = await manager.save(manager.create(PersonEntity, {
        ...pick(values, PERSON_FIELDS), searchName: normalizeName(`${values.firstName} ${values.lastName}`),
      }));
      const pupil = await manager.save(manager.create(PupilEntity, { ...pick(values, PUPIL_FIELDS), schoolId, personId: person.id }));
      await manager.insert(EnrolmentEntity, { ...enrolment, schoolId, pupilId: pupil.id, schoolYearId: enrolmentInput.schoolYearId });
      await recordAudit(manager, { actor: ctx.user!, schoolId, action: 'create', entityType: 'pupils', entityId: pupil.id, changes: creationFields({ ...values, enrolment }) });
      return pupil.id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, version: number, input: UpdatePupilInput): Promise<Pupil> {
    const changes = parseInput(updatePupilSchema, input);
    await this.dataSource.transaction(async (manager) => {
      const pupil = await this.get(ctx, id, manager);
      // Field by field: an adult pupil may change only their consent, the secretariat everything.
      for (const field of Object.keys(changes)) {
        if (!can(ctx.ability, 'update', 'Pupil', pupil, field)) throw forbidden(`das Ändern von „${field}“`);
      }
      const current = await manager.findOneByOrFail(PupilEntity, { id });
      const personChanges = pick(changes, PERSON_FIELDS);
      const updated = await updateVersioned({
        manager, entity: PupilEntity, label: PUPIL_LABEL, current, expectedVersion: version,
        changes: pick(changes, PUPIL_FIELDS), actor: ctx.user!, schoolId: current.schoolId,
      });
      await this.updatePerson(manager, ctx, current, personChanges, updated.version !== current.version);
    });
    return this.get(ctx, id);
  }

  // Person fields are versioned through the pupil row: claim it even when only the name changed, so
  // that a concurrent save of the same version answers CONFLICT instead of silently overwriting.
  private async updatePerson(manager: EntityManager, ctx: RequestContext, pupil: PupilEntity, changes: Partial<PersonEntity>, isPupilClaimed: boolean) {
    const person = await manager.findOneByOrFail(PersonEntity, { id: pupil.personId });
    const diff = diffFields(person, changes);
    if (Object.keys(diff).length === 0) return;
    if (!isPupilClaimed) await bumpVersion(manager, PupilEntity, pupil.id, pupil.version, PUPIL_LABEL);
    const values = Object.fromEntries(Object.entries(diff).map(([k, c]) => [k, c.new]));
    const merged = { ...person, ...values };
    await manager.update(PersonEntity, person.id, { ...values, searchName: normalizeName(`${merged.firstName} ${merged.lastName}`), version: person.version + 1 });
    await recordAudit(manager, { actor: ctx.user!, schoolId: pupil.schoolId, action: 'update', entityType: 'persons', entityId: person.id, changes: diff });
  }

  async updateEnrolment(ctx: RequestContext, id: string, version: number, input: UpdateEnrolmentInput): Promise<EnrolmentEntity> {
    const changes = parseInput(updateEnrolmentSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const current = await loadVisible(manager, EnrolmentEntity, id, 'Enrolment', ctx.ability, 'Schulbesuch');
      assertCan(ctx.ability, 'update', 'Enrolment', current, 'das Ändern von Schulbesuchen');
      parseInput(enrolmentSchema, { ...current, ...changes });
      if (changes.classId) await this.checkEnrolmentTarget(manager, current.schoolId, current.schoolYearId, changes.classId);
      return updateVersioned({ manager, entity: EnrolmentEntity, label: 'Der Schulbesuch', current, expectedVersion: version, changes, actor: ctx.user!, schoolId: current.schoolId });
    });
  }

  /** The school year must be the school's, and the class a class of that year. */
  private async checkEnrolmentTarget(manager: EntityManager, schoolId: string, schoolYearId: string, classId: string | null) {
    const year = await manager.findOneBy(SchoolYearEntity, { id: checkId(schoolYearId, 'input.enrolment.schoolYearId'), schoolId });
    if (!year) throw badInput('input.enrolment.schoolYearId', 'ist kein Schuljahr dieser Schule', 'unknown_reference');
    if (!classId) return;
    const group = await manager.findOneBy(GroupEntity, { id: checkId(classId, 'input.enrolment.classId'), schoolYearId, kind: 'CLASS' });
    if (!group) throw badInput('input.enrolment.classId', `ist keine Klasse des Schuljahres ${year.name}`, 'unknown_reference');
  }
}

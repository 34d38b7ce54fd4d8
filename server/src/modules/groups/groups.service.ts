import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { createGroupSchema, GroupMemberRole, updateGroupSchema } from '@schulverwaltung/shared';
import { assertCan, checkId, loadVisible } from '../../common/access';
import { badInput } from '../../common/app-error';
import { checkPage, Page, PageInput } from '../../common/pagination';
import { withUniqueFields } from '../../common/unique-violation';
import { parseInput } from '../../common/validation';
import { bumpVersion, updateVersioned } from '../../common/versioned-update';
import { RequestContext } from '../../authz/request-context';
import { scopeFor } from '../../authz/scope-to-sql';
import { creationFields, recordAudit } from '../audit/audit.service';
import { SubjectEntity } from '../catalog/subject.entity';
import { SchoolYearEntity } from '../school-years/school-year.entity';
import { MembershipEntity } from '../staff/membership.entity';
import { PupilEntity } from '../pupils/pupil.entity';
import { GroupMemberEntity } from './group-member.entity';
import { GroupEntity } from './group.entity';
import { CreateGroupInput, GroupFilter, UpdateGroupInput } from './group.types';

const UNIQUE_NAME = { uq_groups_year_kind_name: ['input.name', 'diesen Namen gibt es im Schuljahr schon'] as [string, string] };

@Injectable()
export class GroupsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(ctx: RequestContext, filter: GroupFilter, pageInput?: PageInput): Promise<Page<GroupEntity>> {
    const page = checkPage(pageInput);
    const scope = scopeFor(ctx.ability, 'read', 'Group', { id: 'g.id', schoolId: 'g.school_id' });
    if (scope.isEmpty) return { items: [], total: 0 };
    const qb = this.dataSource.getRepository(GroupEntity).createQueryBuilder('g')
      .where('g.school_id = :schoolId', { schoolId: checkId(filter.schoolId, 'filter.schoolId') });
    if (filter.schoolYearId) qb.andWhere('g.school_year_id = :yearId', { yearId: checkId(filter.schoolYearId, 'filter.schoolYearId') });
    else qb.andWhere('g.school_year_id IN (SELECT id FROM school_years WHERE school_id = g.school_id AND is_current)');
    if (filter.kind) qb.andWhere('g.kind = :kind', { kind: filter.kind });
    if (filter.search?.trim()) qb.andWhere('g.name ILIKE :search', { search: `%${filter.search.trim()}%` });
    scope.apply(qb);
    qb.orderBy('g.kind').addOrderBy('g.grade_level', 'ASC', 'NULLS LAST').addOrderBy('g.name');
    const [items, total] = await qb.skip(page.offset).take(page.limit).getManyAndCount();
    return { items, total };
  }

  get(ctx: RequestContext, id: string): Promise<GroupEntity> {
    return loadVisible(this.dataSource.manager, GroupEntity, id, 'Group', ctx.ability, 'Gruppe');
  }

  async create(ctx: RequestContext, schoolId: string, input: CreateGroupInput): Promise<GroupEntity> {
    assertCan(ctx.ability, 'create', 'Group', { schoolId: checkId(schoolId, 'schoolId') }, 'das Anlegen von Klassen und Kursen');
    const values = parseInput(createGroupSchema, input);
    const year = await this.dataSource.getRepository(SchoolYearEntity).findOneBy({ id: checkId(input.schoolYearId, 'input.schoolYearId'), schoolId });
    if (!year) throw badInput('input.schoolYearId', 'ist kein Schuljahr dieser Schule', 'unknown_reference');
    await this.checkSubject(this.dataSource.manager, schoolId, values.subjectId);
    return withUniqueFields(() => this.dataSource.transaction(async (manager) => {
      const group = await manager.save(manager.create(GroupEntity, { ...values, schoolId, schoolYearId: year.id }));
      await recordAudit(manager, { actor: ctx.user!, schoolId, action: 'create', entityType: 'groups', entityId: group.id, changes: creationFields(values) });
      return group;
    }), UNIQUE_NAME);
  }

  async update(ctx: RequestContext, id: string, version: number, input: UpdateGroupInput): Promise<GroupEntity> {
    const changes = parseInput(updateGroupSchema, input);
    return withUniqueFields(() => this.dataSource.transaction(async (manager) => {
      const current = await loadVisible(manager, GroupEntity, id, 'Group', ctx.ability, 'Gruppe');
      assertCan(ctx.ability, 'update', 'Group', current, 'das Ändern dieser Gruppe');
      parseInput(createGroupSchema, { ...current, ...changes });
      await this.checkSubject(manager, current.schoolId, changes.subjectId);
      return updateVersioned({ manager, entity: GroupEntity, label: 'Die Gruppe', current, expectedVersion: version, changes, actor: ctx.user!, schoolId: current.schoolId });
    }), UNIQUE_NAME);
  }

  /** Replaces the ordered class teachers (first = Klassenleitung); each must teach at the school. */
  setClassTeachers(ctx: RequestContext, id: string, version: number, personIds: string[]): Promise<GroupEntity> {
    return this.replaceMembers(ctx, id, version, 'CLASS_TEACHER', async (manager, group) => {
      await this.checkTeachers(manager, group, personIds, ctx.today);
      return personIds;
    });
  }

  /** Replaces the teachers of a class, course or working group; each must teach at the school. */
  setGroupTeachers(ctx: RequestContext, id: string, version: number, personIds: string[]): Promise<GroupEntity> {
    return this.replaceMembers(ctx, id, version, 'TEACHER', async (manager, group) => {
      await this.checkTeachers(manager, group, personIds, ctx.today);
      return personIds;
    });
  }

  /** Replaces the pupils of a course or working group (a class's pupils follow from their enrolment). */
  setGroupPupils(ctx: RequestContext, id: string, version: number, pupilIds: string[]): Promise<GroupEntity> {
    return this.replaceMembers(ctx, id, version, 'PUPIL', async (manager, group) => {
      if (group.kind === 'CLASS') throw badInput('pupilIds', 'die Schüler:innen einer Klasse ergeben sich aus ihrer Schullaufbahn (updateEnrolment)', 'class_members');
      return this.personIdsOfPupils(manager, group, pupilIds);
    });
  }

  // One member role of a group, replaced as a whole and versioned through the group row.
  private replaceMembers(ctx: RequestContext, id: string, version: number, role: GroupMemberRole,
    resolvePersonIds: (manager: EntityManager, group: GroupEntity) => Promise<string[]>): Promise<GroupEntity> {
    return this.dataSource.transaction(async (manager) => {
      const group = await loadVisible(manager, GroupEntity, id, 'Group', ctx.ability, 'Gruppe');
      assertCan(ctx.ability, 'update', 'Group', group, 'das Ändern der Mitglieder dieser Gruppe');
      const personIds = await resolvePersonIds(manager, group);
      await bumpVersion(manager, GroupEntity, id, version, 'Die Gruppe');
      const before = await manager.findBy(GroupMemberEntity, { groupId: id, role });
      await manager.delete(GroupMemberEntity, { groupId: id, role });
      if (personIds.length > 0) {
        await manager.insert(GroupMemberEntity, personIds.map((personId, position) => ({ groupId: id, schoolId: group.schoolId, personId, role, position })));
      }
      await recordAudit(manager, { actor: ctx.user!, schoolId: group.schoolId, action: 'update', entityType: 'groups', entityId: id,
        changes: { [`members.${role}`]: { old: before.map((m) => m.personId), new: personIds } } });
      return manager.findOneByOrFail(GroupEntity, { id });
    });
  }

  private async personIdsOfPupils(manager: EntityManager, group: GroupEntity, pupilIds: string[]): Promise<string[]> {
    if (new Set(pupilIds).size !== pupilIds.length) throw badInput('pupilIds', 'enthält eine Person doppelt', 'duplicate');
    const pupils = await manager.findBy(PupilEntity, { id: In(pupilIds.map((p, i) => checkId(p, `pupilIds.${i}`))), schoolId: group.schoolId });
    const byId = new Map(pupils.map((p) => [p.id, p.personId]));
    return pupilIds.map((pupilId, index) => {
      const personId = byId.get(pupilId);
      if (!personId) throw badInput(`pupilIds.${index}`, 'ist keine Schülerin/kein Schüler dieser Schule', 'unknown_reference');
      return personId;
    });
  }

  /** A course's subject must be one of the group's own school (Group.subject shows it to every reader of the group). */
  private async checkSubject(manager: EntityManager, schoolId: string, subjectId: string | null | undefined) {
    if (!subjectId) return;
    if (!(await manager.existsBy(SubjectEntity, { id: subjectId, schoolId }))) {
      throw badInput('input.subjectId', 'ist kein Fach dieser Schule', 'unknown_reference');
    }
  }

  private async checkTeachers(manager: EntityManager, group: GroupEntity, personIds: string[], today: string) {
    if (new Set(personIds).size !== personIds.length) throw badInput('personIds', 'enthält eine Person doppelt', 'duplicate');
    for (const [index, personId] of personIds.entries()) {
      const teaches = await manager.createQueryBuilder(MembershipEntity, 'm')
        .where('m.person_id = :personId AND m.school_id = :schoolId AND m.role = :role', { personId: checkId(personId, `personIds.${index}`), schoolId: group.schoolId, role: 'TEACHER' })
        .andWhere('m.valid_from <= :today AND (m.valid_to IS NULL OR m.valid_to >= :today)', { today })
        .getExists();
      if (!teaches) throw badInput(`personIds.${index}`, 'ist keine Lehrkraft dieser Schule', 'unknown_reference');
    }
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isSchoolRole, membershipSchema, normalizeName, updateMembershipSchema } from '@schulverwaltung/shared';
import { assertCan, can, checkId, loadVisible } from '../../common/access';
import { badInput, forbidden } from '../../common/app-error';
import { checkPage, Page, PageInput } from '../../common/pagination';
import { parseInput } from '../../common/validation';
import { updateVersioned } from '../../common/versioned-update';
import { RequestContext } from '../../authz/request-context';
import { scopeFor } from '../../authz/scope-to-sql';
import { creationFields, recordAudit } from '../audit/audit.service';
import { PersonEntity } from '../pupils/person.entity';
import { MembershipEntity } from './membership.entity';
import { GrantRoleInput, StaffFilter, UpdateMembershipInput } from './staff.types';

export interface StaffRow {
  membership: MembershipEntity;
  person: PersonEntity;
}

@Injectable()
export class StaffService {
  constructor(private readonly dataSource: DataSource) {}

  async list(ctx: RequestContext, filter: StaffFilter, pageInput?: PageInput): Promise<Page<StaffRow>> {
    const page = checkPage(pageInput);
    const scope = scopeFor(ctx.ability, 'read', 'Membership', { schoolId: 'm.school_id' });
    if (scope.isEmpty) return { items: [], total: 0 };
    const qb = this.dataSource.getRepository(MembershipEntity).createQueryBuilder('m')
      .innerJoinAndMapOne('m.person', PersonEntity, 'pe', 'pe.id = m.person_id')
      .where('m.school_id = :schoolId', { schoolId: checkId(filter.schoolId, 'filter.schoolId') })
      .andWhere('m.valid_from <= :today AND (m.valid_to IS NULL OR m.valid_to >= :today)', { today: ctx.today });
    scope.apply(qb);
    if (filter.role) qb.andWhere('m.role = :role', { role: filter.role });
    const search = normalizeName(filter.search ?? '');
    if (search) qb.andWhere('(pe.search_name LIKE :like OR lower(m.abbreviation) = :search)', { like: `%${search}%`, search });
    qb.orderBy('pe.last_name').addOrderBy('pe.first_name').addOrderBy('m.role');
    const [rows, total] = await qb.skip(page.offset).take(page.limit).getManyAndCount();
    return { items: rows.map((m) => ({ membership: m, person: m.person! })), total };
  }

  /** Only admins grant roles, and only at schools they administer. */
  async grantRole(ctx: RequestContext, input: GrantRoleInput): Promise<StaffRow> {
    const schoolId = checkId(input.schoolId, 'input.schoolId');
    if (!can(ctx.ability, 'grant', 'Membership', { schoolId })) throw forbidden('das Vergeben von Rollen an dieser Schule');
    const values = parseInput(membershipSchema, input);
    if (!isSchoolRole(values.role)) throw badInput('input.role', 'an einer Schule können nur Schulrollen vergeben werden', 'invalid_role');
    const person = await this.dataSource.getRepository(PersonEntity).findOneBy({ id: checkId(input.personId, 'input.personId') });
    if (!person) throw badInput('input.personId', 'ist keine bekannte Person', 'unknown_reference');
    return this.dataSource.transaction(async (manager) => {
      const membership = await manager.save(manager.create(MembershipEntity, { ...values, personId: person.id, schoolId }));
      await recordAudit(manager, { actor: ctx.user!, schoolId, action: 'grant', entityType: 'memberships', entityId: membership.id, changes: creationFields({ ...values, personId: person.id }) });
      return { membership, person };
    });
  }

  async updateMembership(ctx: RequestContext, id: string, version: number, input: UpdateMembershipInput): Promise<StaffRow> {
    const changes = parseInput(updateMembershipSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const current = await loadVisible(manager, MembershipEntity, id, 'Membership', ctx.ability, 'Mitgliedschaft');
      assertCan(ctx.ability, 'grant', 'Membership', current, 'das Ändern von Rollen an dieser Schule');
      parseInput(membershipSchema, { ...current, ...changes });
      const membership = await updateVersioned({ manager, entity: MembershipEntity, label: 'Die Mitgliedschaft', current, expectedVersion: version, changes, actor: ctx.user!, schoolId: current.schoolId });
      return { membership, person: await manager.findOneByOrFail(PersonEntity, { id: membership.personId }) };
    });
  }
}

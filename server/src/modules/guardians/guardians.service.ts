import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { createGuardianSchema, guardianshipSchema, normalizeName, updateGuardianshipSchema } from '@schulverwaltung/shared';
import { assertCan, can, checkId, loadVisible } from '../../common/access';
import { badInput, notFound } from '../../common/app-error';
import { withUniqueFields } from '../../common/unique-violation';
import { parseInput } from '../../common/validation';
import { updateVersioned } from '../../common/versioned-update';
import { RequestContext } from '../../authz/request-context';
import { creationFields, recordAudit } from '../audit/audit.service';
import { PersonEntity } from '../pupils/person.entity';
import { PupilsService } from '../pupils/pupils.service';
import { GuardianshipEntity } from './guardianship.entity';
import { AddGuardianInput, GuardianshipWithPerson, UpdateGuardianshipInput } from './guardian.types';
import { guardianshipsByGuardianPersonId, guardianshipsByPupilId } from './guardians.loaders';

const UNIQUE_LINK = { uq_guardianships_pupil_guardian: ['input.existingPersonId', 'ist bereits als erziehungsberechtigt eingetragen'] as [string, string] };

@Injectable()
export class GuardiansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pupils: PupilsService,
  ) {}

  /** A guardian is visible through at least one guardianship the caller may read. */
  async getGuardian(ctx: RequestContext, personId: string): Promise<PersonEntity> {
    const links = await ctx.loaders.get(guardianshipsByGuardianPersonId).load(checkId(personId, 'personId'));
    if (!links.some((g) => can(ctx.ability, 'read', 'Guardianship', g))) throw notFound('Erziehungsberechtigte:r', personId);
    return this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: personId });
  }

  async visibleLinksOf(ctx: RequestContext, personId: string): Promise<GuardianshipEntity[]> {
    const links = await ctx.loaders.get(guardianshipsByGuardianPersonId).load(personId);
    return links.filter((g) => can(ctx.ability, 'read', 'Guardianship', g));
  }

  async addGuardian(ctx: RequestContext, pupilId: string, input: AddGuardianInput): Promise<GuardianshipWithPerson> {
    const pupil = await this.pupils.get(ctx, pupilId);
    assertCan(ctx.ability, 'create', 'Guardianship', { schoolId: pupil.schoolId, pupilId }, 'das Eintragen von Erziehungsberechtigten');
    const link = parseInput(guardianshipSchema, input.link, 'input.link');
    const guardianPersonId = await this.resolveGuardianPerson(ctx, input);
    const created = await withUniqueFields(() => this.dataSource.transaction(async (manager) => {
      const personId = guardianPersonId ?? (await this.createGuardianPerson(manager, input));
      const sortOrder = await manager.countBy(GuardianshipEntity, { pupilId });
      const guardianship = await manager.save(manager.create(GuardianshipEntity, { ...link, pupilId, schoolId: pupil.schoolId, guardianPersonId: personId, sortOrder }));
      await recordAudit(manager, { actor: ctx.user!, schoolId: pupil.schoolId, action: 'create', entityType: 'guardianships', entityId: guardianship.id, changes: creationFields({ ...link, guardianPersonId: personId }) });
      return guardianship;
    }), UNIQUE_LINK);
    // resolveGuardianPerson loaded the guardian's links before the new one existed: forget them, so
    // the answer (guardian { children }) is read after the write.
    ctx.loaders.get(guardianshipsByGuardianPersonId).clear(created.guardianPersonId);
    ctx.loaders.get(guardianshipsByPupilId).clear(pupilId);
    return this.withPerson(created);
  }

  async updateGuardianship(ctx: RequestContext, id: string, version: number, input: UpdateGuardianshipInput): Promise<GuardianshipWithPerson> {
    const changes = parseInput(updateGuardianshipSchema, input);
    const updated = await this.dataSource.transaction(async (manager) => {
      const current = await loadVisible(manager, GuardianshipEntity, id, 'Guardianship', ctx.ability, 'Erziehungsberechtigung');
      assertCan(ctx.ability, 'update', 'Guardianship', current, 'das Ändern von Erziehungsberechtigungen');
      parseInput(guardianshipSchema, { ...current, ...changes });
      return updateVersioned({ manager, entity: GuardianshipEntity, label: 'Die Erziehungsberechtigung', current, expectedVersion: version, changes, actor: ctx.user!, schoolId: current.schoolId });
    });
    return this.withPerson(updated);
  }

  private async withPerson(link: GuardianshipEntity): Promise<GuardianshipWithPerson> {
    return { ...link, guardianPerson: await this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: link.guardianPersonId }) };
  }

  // An existing guardian (e.g. of a sibling) must already be visible to the caller.
  private async resolveGuardianPerson(ctx: RequestContext, input: AddGuardianInput): Promise<string | null> {
    if (input.existingPersonId && input.person) throw badInput('input.person', 'entweder eine bestehende Person oder eine neue Person angeben, nicht beides', 'exclusive');
    if (!input.existingPersonId) {
      if (!input.person) throw badInput('input.person', 'eine bestehende oder eine neue Person ist erforderlich', 'required');
      parseInput(createGuardianSchema, input.person, 'input.person');
      return null;
    }
    const visible = await this.visibleLinksOf(ctx, checkId(input.existingPersonId, 'input.existingPersonId'));
    if (visible.length === 0) throw badInput('input.existingPersonId', 'ist keine bekannte erziehungsberechtigte Person', 'unknown_reference');
    return input.existingPersonId;
  }

  private async createGuardianPerson(manager: EntityManager, input: AddGuardianInput): Promise<string> {
    const values = parseInput(createGuardianSchema, input.person, 'input.person');
    const person = await manager.save(manager.create(PersonEntity, { ...values, searchName: normalizeName(`${values.firstName} ${values.lastName}`) }));
    return person.id;
  }
}

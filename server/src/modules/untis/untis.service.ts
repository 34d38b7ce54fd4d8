import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { AppError, badInput, notFound } from '../../common/app-error';
import { assertCan, checkId } from '../../common/access';
import type { RequestContext } from '../../authz/request-context';
import { creationFields, recordAudit } from '../audit/audit.service';
import type { UntisInputFile } from './read';
import { UntisAliasEntity, type UntisAliasKind } from './untis-alias.entity';
import type { UntisImportSummary } from './untis-import.summary';
import { runUntisImport, type UntisImportOutcome } from './untis-import.runner';
import type { UntisAliasInput, UntisImport, UntisImportOptionsInput } from './untis.types';

const TARGET_TABLES: Record<UntisAliasKind, { sql: string; label: string }> = {
  TEACHER: { sql: `SELECT pe.last_name || ', ' || pe.first_name || ' (' || m.abbreviation || ')' AS label FROM memberships m JOIN persons pe ON pe.id = m.person_id WHERE m.person_id = $1 AND m.school_id = $2 LIMIT 1`, label: 'Lehrkraft' },
  CLASS: { sql: `SELECT name AS label FROM groups WHERE id = $1 AND school_id = $2`, label: 'Klasse oder Kurs' },
  SUBJECT: { sql: `SELECT short_name || ' – ' || name AS label FROM subjects WHERE id = $1 AND school_id = $2`, label: 'Fach' },
  ROOM: { sql: `SELECT short_name AS label FROM rooms WHERE id = $1 AND school_id = $2`, label: 'Raum' },
  PUPIL: { sql: `SELECT pe.last_name || ', ' || pe.first_name AS label FROM pupils p JOIN persons pe ON pe.id = p.person_id WHERE p.id = $1 AND p.school_id = $2`, label: 'Schüler:in' },
};

@Injectable()
export class UntisService {
  constructor(private readonly dataSource: DataSource) {}

  async run(ctx: RequestContext, schoolId: string, uploads: Promise<FileUpload>[], options: UntisImportOptionsInput, apply: boolean): Promise<UntisImportOutcome> {
    assertCan(ctx.ability, 'create', 'UntisImport', { schoolId: checkId(schoolId, 'schoolId') }, 'den Untis-Import dieser Schule');
    const [school] = await this.dataSource.query(`SELECT id, school_number AS "schoolNumber", name FROM schools WHERE id = $1`, [schoolId]);
    if (!school) throw notFound('Die Schule', schoolId);
    const files = await readUploads(uploads);
    return runUntisImport(this.dataSource, {
      school, files, validFrom: options.validFrom ?? null, apply, today: ctx.today,
      options: { createMissingTeachers: options.createMissingTeachers ?? false, createMissingClasses: options.createMissingClasses ?? false },
      actor: { personId: ctx.user?.personId ?? null, label: ctx.user?.displayName ?? 'unbekannt' },
    });
  }

  async list(ctx: RequestContext, schoolId: string): Promise<UntisImport[]> {
    assertCan(ctx.ability, 'read', 'UntisImport', { schoolId: checkId(schoolId, 'schoolId') }, 'die Untis-Importe dieser Schule');
    const rows = await this.dataSource.query(`SELECT i.id, i.school_id AS "schoolId", i.status, i.valid_from AS "validFrom", i.created_at AS "createdAt",
        i.actor_person_id AS "actorPersonId", i.files, i.summary, i.error, pe.first_name || ' ' || pe.last_name AS "actorName"
      FROM untis_imports i LEFT JOIN persons pe ON pe.id = i.actor_person_id WHERE i.school_id = $1 ORDER BY i.created_at DESC LIMIT 100`, [schoolId]);
    // A failed import stores no summary, only who tried.
    return rows.map((row: UntisImport & { summary: UntisImportSummary | Record<string, never> }) => ({ ...row, summary: 'changes' in row.summary ? row.summary : null }));
  }

  async aliases(ctx: RequestContext, schoolId: string): Promise<(UntisAliasEntity & { targetLabel: string })[]> {
    assertCan(ctx.ability, 'read', 'UntisImport', { schoolId: checkId(schoolId, 'schoolId') }, 'die Untis-Zuordnungen dieser Schule');
    const aliases = await this.dataSource.getRepository(UntisAliasEntity).find({ where: { schoolId }, order: { kind: 'ASC', untisName: 'ASC' } });
    return Promise.all(aliases.map(async (alias) => ({ ...alias, targetLabel: (await this.targetLabel(alias.kind, alias.targetId, schoolId)) ?? '(gelöscht)' })));
  }

  /** Creates the alias, or points an existing one for the same Untis name at the new target. */
  async setAlias(ctx: RequestContext, schoolId: string, input: UntisAliasInput): Promise<UntisAliasEntity & { targetLabel: string }> {
    assertCan(ctx.ability, 'create', 'UntisImport', { schoolId: checkId(schoolId, 'schoolId') }, 'die Untis-Zuordnungen dieser Schule');
    const untisName = input.untisName.trim();
    if (!untisName) throw badInput('input.untisName', 'darf nicht leer sein', 'required');
    const targetLabel = await this.targetLabel(input.kind, checkId(input.targetId, 'input.targetId'), schoolId);
    if (!targetLabel) throw badInput('input.targetId', `ist keine ${TARGET_TABLES[input.kind].label} dieser Schule`, 'unknown_target');
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(UntisAliasEntity, { schoolId, kind: input.kind, untisName });
      if (existing) {
        await manager.update(UntisAliasEntity, existing.id, { targetId: input.targetId, version: existing.version + 1 });
        await recordAudit(manager, { actor: ctx.user!, schoolId, action: 'update', entityType: 'untis_aliases', entityId: existing.id, changes: { targetId: { old: existing.targetId, new: input.targetId } } });
        return { ...existing, targetId: input.targetId, version: existing.version + 1, targetLabel };
      }
      const alias = await manager.save(manager.create(UntisAliasEntity, { schoolId, kind: input.kind, untisName, targetId: input.targetId }));
      await recordAudit(manager, { actor: ctx.user!, schoolId, action: 'create', entityType: 'untis_aliases', entityId: alias.id, changes: creationFields({ kind: input.kind, untisName, targetId: input.targetId }) });
      return { ...alias, targetLabel };
    });
  }

  async deleteAlias(ctx: RequestContext, id: string): Promise<boolean> {
    const alias = await this.dataSource.manager.findOneBy(UntisAliasEntity, { id: checkId(id) });
    if (!alias) throw notFound('Die Zuordnung', id);
    assertCan(ctx.ability, 'create', 'UntisImport', { schoolId: alias.schoolId }, 'die Untis-Zuordnungen dieser Schule');
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(UntisAliasEntity, alias.id);
      await recordAudit(manager, { actor: ctx.user!, schoolId: alias.schoolId, action: 'delete', entityType: 'untis_aliases', entityId: alias.id, changes: { untisName: { old: alias.untisName, new: null } } });
    });
    return true;
  }

  private async targetLabel(kind: UntisAliasKind, targetId: string, schoolId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(TARGET_TABLES[kind].sql, [targetId, schoolId]);
    return row?.label ?? null;
  }
}

/** Reads the uploaded files into memory; graphql-upload enforces the size limit while streaming. */
async function readUploads(uploads: Promise<FileUpload>[]): Promise<UntisInputFile[]> {
  const files: UntisInputFile[] = [];
  for (const pending of uploads) {
    const upload = await pending;
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of upload.createReadStream()) chunks.push(chunk as Buffer);
    } catch (error) {
      const tooLarge = (error as { status?: number }).status === 413;
      throw new AppError('BAD_USER_INPUT', tooLarge ? `${upload.filename}: Die Datei ist zu groß.` : `${upload.filename}: Die Datei konnte nicht vollständig hochgeladen werden.`, { field: 'files', rule: tooLarge ? 'too_large' : 'upload_failed' }, { cause: error });
    }
    files.push({ name: upload.filename, bytes: new Uint8Array(Buffer.concat(chunks)) });
  }
  return files;
}

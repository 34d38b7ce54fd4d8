import DataLoader from 'dataloader';
import { findByAnyPrepared } from '../../database/prepared-query';
import type { GroupMemberRole } from '@schulverwaltung/shared';
import { groupByKey, LoaderFactory, oneByKey } from '../../common/request-loaders';
import { GroupEntity } from './group.entity';

export const groupById: LoaderFactory<string, GroupEntity | null> = ({ manager }) =>
  new DataLoader(async (ids) => oneByKey(ids, await findByAnyPrepared(manager, GroupEntity, 'id', ids), (g) => g.id));

export interface GroupStaffRow {
  groupId: string;
  membershipId: string;
  personId: string;
  schoolId: string;
  firstName: string;
  lastName: string;
  abbreviation: string | null;
  validFrom: string;
  validTo: string | null;
  version: number;
  role: GroupMemberRole;
}

/** Teachers and class teachers of groups, with their school membership (Kürzel), in class-teacher order. */
export const staffByGroupId: LoaderFactory<string, GroupStaffRow[]> = ({ manager, today }) =>
  new DataLoader(async (ids) => {
    const rows: GroupStaffRow[] = await manager.query(
      `SELECT gm.group_id AS "groupId", m.id AS "membershipId", m.person_id AS "personId", m.school_id AS "schoolId",
              pe.first_name AS "firstName", pe.last_name AS "lastName", m.abbreviation, m.valid_from AS "validFrom",
              m.valid_to AS "validTo", m.version, gm.role
       FROM group_members gm
       JOIN memberships m ON m.person_id = gm.person_id AND m.school_id = gm.school_id AND m.role = 'TEACHER'
            AND m.valid_from <= $2 AND (m.valid_to IS NULL OR m.valid_to >= $2)
       JOIN persons pe ON pe.id = gm.person_id
       WHERE gm.group_id = ANY($1) AND gm.role IN ('TEACHER', 'CLASS_TEACHER')
       ORDER BY gm.position, pe.last_name`,
      [ids, today],
    );
    return groupByKey(ids, rows, (r) => r.groupId);
  });

export const pupilCountByGroupId: LoaderFactory<string, number> = ({ manager }) =>
  new DataLoader(async (ids) => {
    const rows: { groupId: string; count: number }[] = await manager.query(
      `SELECT g.id AS "groupId",
         (SELECT count(*) FROM enrolments e WHERE e.class_id = g.id AND e.status = 'ACTIVE')::int
         + (SELECT count(*) FROM group_members gm WHERE gm.group_id = g.id AND gm.role = 'PUPIL')::int AS count
       FROM groups g WHERE g.id = ANY($1)`,
      [ids],
    );
    return ids.map((id) => rows.find((r) => r.groupId === id)?.count ?? 0);
  });

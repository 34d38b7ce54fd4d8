import { z } from 'zod';
import { FEDERAL_STATES, SCHOOL_ROLES } from '../enums';

// The facts the rules need about the signed-in person. The server rebuilds it on every request
// (memberships, taught groups and the age rule can change during the day); the client receives
// the same object from `me` and builds the same ability from it.
export const sessionUserSchema = z.object({
  accountId: z.string(),
  personId: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** The Berlin calendar day these facts were computed for. */
  today: z.string(),
  stateAdminOf: z.array(z.enum(FEDERAL_STATES)),
  /** Carriers administered: carrier admins' own, and every carrier of a state admin's state. */
  adminCarrierIds: z.array(z.string()),
  /** Schools administered through a state, carrier or school admin role. */
  adminSchoolIds: z.array(z.string()),
  /** School-bound roles valid today. */
  schoolRoles: z.array(z.object({ schoolId: z.string(), role: z.enum(SCHOOL_ROLES) })),
  /** Groups the person teaches or leads as class teacher (current school year), and their pupils. */
  teaching: z.object({ groupIds: z.array(z.string()), pupilIds: z.array(z.string()) }),
  /** Classes the person leads as class teacher, and their pupils. */
  classTeaching: z.object({ groupIds: z.array(z.string()), pupilIds: z.array(z.string()) }),
  /** The person's own pupil records (usually one). */
  self: z.array(z.object({ pupilId: z.string(), schoolId: z.string(), classId: z.string().nullable(), isOfAge: z.boolean() })),
  /** Children the person may see today: custody and the age rule already applied. */
  children: z.array(z.object({
    pupilId: z.string(), schoolId: z.string(), classId: z.string().nullable(), hasCustody: z.boolean(),
    /** may report and excuse the child's absences (custody, no information block, and the may-excuse flag) */
    mayExcuse: z.boolean(),
  })),
});

export type SessionUser = z.infer<typeof sessionUserSchema>;

export function emptySessionUser(base: Pick<SessionUser, 'accountId' | 'personId' | 'username' | 'displayName' | 'today'>): SessionUser {
  return {
    ...base,
    stateAdminOf: [], adminCarrierIds: [], adminSchoolIds: [], schoolRoles: [],
    teaching: { groupIds: [], pupilIds: [] }, classTeaching: { groupIds: [], pupilIds: [] },
    self: [], children: [],
  };
}

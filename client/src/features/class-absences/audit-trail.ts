// The audit trail of one absence as people read it: the fields that mean something to them
// (ids of people and schools are left out; the actor's name stands for who changed it), values
// formatted as on screen, and on creation only what was actually filled in.

export interface FieldChange {
  field: string;
  old?: unknown;
  new?: unknown;
}

/** Fields shown, in this order; everything else (ids, versions, timestamps of the row) is left out. */
export const AUDITED_FIELDS = [
  'status', 'kind', 'startsOn', 'endsOn', 'periodFrom', 'periodTo', 'minutes', 'reason', 'note',
  'reportedBy', 'reportedVia', 'reporterName', 'reportedAt', 'excuseDueOn', 'excuseReceivedOn',
  'certificateReceivedOn', 'requiresCertificate', 'leaveStatus', 'leaveDecidedAt', 'excusedAt', 'lessons',
] as const;
export type AuditedField = (typeof AUDITED_FIELDS)[number];

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** The changes worth a line, in a fixed order. A new entry lists only the fields it was given. */
export function visibleChanges(changes: FieldChange[], action: string): FieldChange[] {
  const order = AUDITED_FIELDS as readonly string[];
  return changes
    .filter((change) => order.includes(change.field))
    .filter((change) => (action === 'create' ? !isEmpty(change.new) : !(isEmpty(change.old) && isEmpty(change.new))))
    .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** Which enum labels (enums.<name>) translate a field's values. */
const ENUM_OF: Partial<Record<AuditedField, string>> = {
  status: 'absenceStatus', kind: 'absenceKind', reason: 'absenceReason', reportedBy: 'absenceReporter',
  reportedVia: 'absenceChannel', leaveStatus: 'leaveStatus',
};

export type AuditValue =
  | { type: 'empty' }
  | { type: 'date'; value: string }
  | { type: 'dateTime'; value: string }
  | { type: 'enum'; key: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'text'; value: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** How one old or new value is shown; the component turns it into text with i18n and the date formatters. */
export function auditValue(field: string, value: unknown): AuditValue {
  if (isEmpty(value)) return { type: 'empty' };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  const enumName = ENUM_OF[field as AuditedField];
  if (enumName && typeof value === 'string') return { type: 'enum', key: `enums.${enumName}.${value}` };
  if (typeof value === 'string' && DATE.test(value)) return { type: 'date', value };
  if (typeof value === 'string' && DATE_TIME.test(value)) return { type: 'dateTime', value };
  return { type: 'text', value: typeof value === 'string' ? value : JSON.stringify(value) };
}

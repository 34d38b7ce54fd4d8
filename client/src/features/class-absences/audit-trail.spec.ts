import { auditValue, visibleChanges } from './audit-trail';

describe('audit trail', () => {
  const created = [
    { field: 'kind', old: null, new: 'DAYS' },
    { field: 'pupilId', old: null, new: 'p-1' },
    { field: 'minutes', old: null, new: null },
    { field: 'status', old: null, new: 'REPORTED' },
    { field: 'enteredByPersonId', old: null, new: 'x' },
    { field: 'requiresCertificate', old: null, new: false },
  ];

  it('lists what a new entry was given, without ids, in a fixed order', () => {
    expect(visibleChanges(created, 'create').map((c) => c.field)).toEqual(['status', 'kind', 'requiresCertificate']);
  });

  it('lists every changed field of an update, the person who excused left to the actor\'s name', () => {
    const excused = [
      { field: 'excusedAt', old: null, new: '2026-11-28T09:05:49.652Z' },
      { field: 'excusedByPersonId', old: null, new: 'x' },
      { field: 'status', old: 'REPORTED', new: 'EXCUSED' },
    ];
    expect(visibleChanges(excused, 'update').map((c) => c.field)).toEqual(['status', 'excusedAt']);
  });

  it.each([
    ['status', 'EXCUSED', { type: 'enum', key: 'enums.absenceStatus.EXCUSED' }],
    ['reportedVia', 'PHONE', { type: 'enum', key: 'enums.absenceChannel.PHONE' }],
    ['excuseReceivedOn', '2026-11-28', { type: 'date', value: '2026-11-28' }],
    ['excusedAt', '2026-11-28T09:05:49.652Z', { type: 'dateTime', value: '2026-11-28T09:05:49.652Z' }],
    ['requiresCertificate', true, { type: 'boolean', value: true }],
    ['lessons', 19, { type: 'text', value: '19' }],
    ['note', 'Fieber', { type: 'text', value: 'Fieber' }],
    ['endsOn', null, { type: 'empty' }],
  ])('shows %s = %j as %j', (field, value, shown) => {
    expect(auditValue(field, value)).toEqual(shown);
  });
});

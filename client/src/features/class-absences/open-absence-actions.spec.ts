import {
  isBulkDecidable, keepSelectable, mayRecordCertificate, mayRecordExcuse, needsCertificate, selectionState, versionRefs,
} from './open-absence-actions';
import type { OpenAbsence } from './open-absence-actions';

const sick = (id: string, extra: Partial<OpenAbsence> = {}): OpenAbsence => ({ id, version: 1, reason: 'SICK', status: 'REPORTED', ...extra });
const leave = (id: string): OpenAbsence => ({ id, version: 2, reason: 'LEAVE', status: 'REPORTED', leaveStatus: 'REQUESTED' });

describe('open absence actions', () => {
  it('offers the written excuse only until it arrived', () => {
    expect(mayRecordExcuse(sick('a'))).toBe(true);
    expect(mayRecordExcuse(sick('a', { excuseReceivedOn: '2026-11-27' }))).toBe(false);
    expect(mayRecordExcuse(leave('l'))).toBe(false);
  });

  it('asks for the certificate only where Attestpflicht applies and none arrived', () => {
    expect(needsCertificate(sick('a', { requiresCertificate: true }))).toBe(true);
    expect(mayRecordCertificate(sick('a', { requiresCertificate: true }))).toBe(true);
    expect(mayRecordCertificate(sick('a', { requiresCertificate: true, certificateReceivedOn: '2026-11-27' }))).toBe(false);
    expect(mayRecordCertificate(sick('a'))).toBe(false);
  });

  it('leaves leave requests out of the bulk decisions', () => {
    expect(isBulkDecidable(sick('a'))).toBe(true);
    expect(isBulkDecidable(leave('l'))).toBe(false);
    expect(isBulkDecidable(sick('b', { status: 'EXCUSED' }))).toBe(false);
  });

  describe('selection', () => {
    const list = [sick('a'), sick('b'), leave('l')];

    it.each([
      [[], 'none'],
      [['a'], 'some'],
      [['a', 'b'], 'all'],
      [['l'], 'none'],
    ] as const)('%j selected → %s', (ids, state) => {
      expect(selectionState(list, new Set(ids))).toBe(state);
    });

    it('drops ids that left the list after a reload', () => {
      expect([...keepSelectable([sick('b')], new Set(['a', 'b', 'l']))]).toEqual(['b']);
    });

    it('sends each selected absence with the version as read, in list order', () => {
      expect(versionRefs([sick('a', { version: 3 }), sick('b'), leave('l')], new Set(['l', 'b', 'a']))).toEqual([
        { id: 'a', version: 3 }, { id: 'b', version: 1 },
      ]);
    });
  });
});

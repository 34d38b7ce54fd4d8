import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { schoolYearContaining } from '@schulverwaltung/shared';
import { startTestApp, TestApp } from '../../../test/test-app';
import { given } from '../../../test/given';
import { readUntisFiles, type UntisInputFile } from './read';
import { runUntisImport } from './untis-import.runner';

// Every real export under ../shared/data/untis (beside the repository; see its SOURCES.md) goes
// through the importer: timetable sets import into a school set up for them (teachers and classes
// created on request) and import again without changes; other files are reported or refused with
// a reason. Skipped cleanly when the folder is not there.

const DATA = path.resolve(__dirname, '../../../../../shared/data/untis');
const describeWithData = existsSync(DATA) ? describe : describe.skip;

function filesIn(folder: string, only?: RegExp): UntisInputFile[] {
  const dir = path.join(DATA, folder);
  return readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isFile() && (!only || only.test(name)))
    .sort().map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) }));
}

const TIMETABLE_SETS: { name: string; files: () => UntisInputFile[]; lessons: number }[] = [
  { name: 'hansadmin Hantal (complete GPU export, ANSI)', files: () => filesIn('hansadmin__Parse-UntisGpnFile/testdata_be_gy1_Hantal'), lessons: 1 },
  { name: 'hansadmin Nijverheidsschool (complete GPU export, ANSI)', files: () => filesIn('hansadmin__Parse-UntisGpnFile/testdata_be_uv1_Nijverheidsschool'), lessons: 1 },
  { name: 'SchulIT lessons (GPU002, ANSI, couplings)', files: () => filesIn('SchulIT__untisexporter/Tuitions', /^GPU002\.TXT$/), lessons: 900 },
  { name: 'PeterScholl (GPU001 only, semicolon, real school)', files: () => filesIn('PeterScholl__untis-to-kurs'), lessons: 100 },
  { name: 'SVWS (GPU001 + GPU002, partly unquoted)', files: () => filesIn('SVWS-NRW__SVWS-Server'), lessons: 1 },
  { name: 'htl-utils (GPU001/002/005/006, damaged umlauts)', files: () => filesIn('johannesegger__htl-utils', /^GPU00[1256]\.TXT$/), lessons: 100 },
  { name: 'enbrea (Untis XML 3.1)', files: () => filesIn('enbrea__enbrea.untis.xml'), lessons: 3 },
];

describeWithData('Untis import of the real exports in ../shared/data/untis', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  /** A school whose school year contains the export's start (and whose number matches the XML's). */
  async function schoolFor(files: UntisInputFile[]) {
    const exported = readUntisFiles(files);
    const validFrom = exported.rangeFrom ?? '2026-09-01';
    const g = given(app.dataSource);
    const { school } = await g.school(exported.schoolNumber ? { schoolNumber: exported.schoolNumber } : {});
    const year = schoolYearContaining(validFrom);
    if (!(await app.dataSource.query(`SELECT 1 FROM school_years WHERE school_id = $1 AND starts_on <= $2 AND ends_on >= $2`, [school.id, validFrom])).length) {
      await g.schoolYear(school.id, Number(year.startsOn.slice(0, 4)));
    }
    return { school: { id: school.id, schoolNumber: school.schoolNumber, name: school.name }, validFrom };
  }

  it.each(TIMETABLE_SETS)('$name → imports, then imports again without changes', async ({ files: load, lessons }) => {
    const files = load();
    const { school, validFrom } = await schoolFor(files);
    const request = {
      school, files, validFrom, today: '2026-11-28', actor: { personId: null, label: 'Test' },
      options: { createMissingTeachers: true, createMissingClasses: true },
    };
    const first = await runUntisImport(app.dataSource, { ...request, apply: true });
    const again = await runUntisImport(app.dataSource, { ...request, apply: true });

    expect(first.status).toBe('APPLIED');
    expect(first.summary.unmatched.filter((u) => u.kind !== 'PUPIL')).toEqual([]);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM lessons WHERE school_id = $1`, [school.id]);
    expect(count).toBeGreaterThanOrEqual(lessons);
    expect(again.status).toBe('NO_CHANGES');
    expect(again.summary.rowsWritten).toBe(0);
  });

  it('hansadmin: the GPU files the importer does not use are listed as such; substitutions are read', async () => {
    const files = filesIn('hansadmin__Parse-UntisGpnFile/testdata_be_uv1_Nijverheidsschool');
    const { school, validFrom } = await schoolFor(files);
    const { summary } = await runUntisImport(app.dataSource, {
      school, files, validFrom, apply: false, today: '2026-11-28', actor: { personId: null, label: 'Test' }, options: { createMissingTeachers: true, createMissingClasses: true },
    });
    expect(summary.files.find((f) => f.name === 'GPU009.TXT')?.kind).toBe('GPU009 (nicht importiert)');
    expect(summary.changes.find((c) => c.entity === 'SUBSTITUTIONS')!.added).toBeGreaterThan(0);
  });

  it('htl-utils: warns that umlauts were already damaged before the upload (U+FFFD)', async () => {
    const files = filesIn('johannesegger__htl-utils', /^GPU00[1256]\.TXT$/);
    const { school, validFrom } = await schoolFor(files);
    const { summary } = await runUntisImport(app.dataSource, {
      school, files, validFrom, apply: false, today: '2026-11-28', actor: { personId: null, label: 'Test' }, options: { createMissingTeachers: true, createMissingClasses: true },
    });
    expect(summary.warnings.join('\n')).toMatch(/U\+FFFD|Ersatzzeichen|beschädigt/i);
  });

  it('WebUntis JSON is refused with the reason, and nothing is written', async () => {
    const files = filesIn('python-webuntis__python-webuntis', /getklassen/);
    const { school } = await schoolFor(filesIn('SVWS-NRW__SVWS-Server'));
    await expect(runUntisImport(app.dataSource, {
      school, files, apply: true, today: '2026-11-28', actor: { personId: null, label: 'Test' }, options: { createMissingTeachers: true, createMissingClasses: true },
    })).rejects.toThrow(/keine Untis-Datei/);
  });

  it('an empty GPU014 export is accepted and changes nothing', async () => {
    const files = filesIn('SchulIT__untisexporter/Substitutions', /empty/).map((f) => ({ ...f, name: 'GPU014.TXT' }));
    const { school } = await schoolFor(filesIn('SVWS-NRW__SVWS-Server'));
    const outcome = await runUntisImport(app.dataSource, {
      school, files, apply: true, today: '2026-11-28', validFrom: '2026-11-28', actor: { personId: null, label: 'Test' }, options: { createMissingTeachers: false, createMissingClasses: false },
    });
    expect(outcome.status).toBe('NO_CHANGES');
  });
});

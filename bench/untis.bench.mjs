// npm run bench:untis — the Untis import on PostgreSQL with a large generated school:
// 150 teachers, 80 classes and year groups, ~1,600 lessons, ~4,000 GPU001 rows, 1,200 pupils
// with course choices. Times (1) the first import, (2) a re-import of the same files, which must
// write nothing, (3) a re-import with 5 % of the rows changed, and (4) 100 such schools imported
// one after another (a state's rollout), with the heap after each import.
// Goals: (1) < 2 s, (2) < 1 s and 0 rows written, (4) memory flat after the first ten schools.
// Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sv_bench_untis — recreated),
//      BENCH_SCHOOLS (default 100).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { recreateDatabase, root } from './lib.mjs';

const require = createRequire(import.meta.url);
const dist = (file) => require(path.join(root, 'server/dist/server/src', file));
const { openDatabase } = dist('database/data-source.js');
const { largeSchoolSpec } = dist('modules/untis/generate/large-school.js');
const { mutateExport, gpu001RowCount, gpu002RowCount } = dist('modules/untis/generate/mutate-export.js');
const { planTimetable } = dist('modules/untis/generate/plan-timetable.js');
const { writeUntisExport } = dist('modules/untis/generate/write-gpu-files.js');
const { runUntisImport } = dist('modules/untis/untis-import.runner.js');

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sv_bench_untis';
const schoolCount = Number(process.env.BENCH_SCHOOLS ?? 100);
const gc = globalThis.gc ?? (() => undefined);

/** Multi-row INSERT of plain objects (column names as keys) in chunks. */
async function insert(manager, table, rows) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    const values = chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flatMap((row) => columns.map((c) => row[c])));
  }
}

/** The school as the SIS knows it before the import: staff with Kürzel, classes, courses, enrolled pupils. */
async function setUpSchool(manager, carrierId, spec, number) {
  const schoolId = randomUUID();
  const yearId = randomUUID();
  await insert(manager, 'schools', [{ id: schoolId, carrier_id: carrierId, school_number: number, name: `${spec.schoolName} ${number}`, type: 'GYMNASIUM', federal_state: 'NW' }]);
  await insert(manager, 'school_years', [{ id: yearId, school_id: schoolId, name: '2026/27', starts_on: spec.schoolYear.startsOn, ends_on: spec.schoolYear.endsOn, mid_year_on: '2027-02-01', is_current: true }]);
  const teachers = spec.teachers.map((t) => ({ id: randomUUID(), first_name: t.firstName, last_name: t.lastName, search_name: `${t.firstName} ${t.lastName}`.toLowerCase() }));
  await insert(manager, 'persons', teachers);
  await insert(manager, 'memberships', spec.teachers.map((t, i) => ({ person_id: teachers[i].id, role: 'TEACHER', school_id: schoolId, abbreviation: t.shortName, valid_from: '2020-08-01' })));
  const groups = [
    ...spec.classes.map((c) => ({ id: randomUUID(), school_id: schoolId, school_year_id: yearId, kind: 'CLASS', name: c.name, grade_level: c.gradeLevel })),
    ...[...new Set(spec.courses.map((c) => c.studentGroup))].map((name) => ({ id: randomUUID(), school_id: schoolId, school_year_id: yearId, kind: 'COURSE', name, grade_level: null })),
  ];
  await insert(manager, 'groups', groups);
  const classIds = new Map(groups.filter((g) => g.kind === 'CLASS').map((g) => [g.name, g.id]));
  const persons = spec.pupils.map((p) => ({ id: randomUUID(), first_name: p.firstName, last_name: p.lastName, search_name: `${p.firstName} ${p.lastName}`.toLowerCase(), birth_date: p.birthDate ?? null }));
  await insert(manager, 'persons', persons);
  const pupils = spec.pupils.map((p, i) => ({ id: randomUUID(), school_id: schoolId, person_id: persons[i].id, external_id: p.key }));
  await insert(manager, 'pupils', pupils);
  await insert(manager, 'enrolments', spec.pupils.map((p, i) => ({ school_id: schoolId, pupil_id: pupils[i].id, school_year_id: yearId, class_id: classIds.get(p.className) ?? null, entry_date: '2026-08-01', status: 'ACTIVE' })));
  return { id: schoolId, schoolNumber: number, name: `${spec.schoolName} ${number}` };
}

async function timed(label, work) {
  gc();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  return { label, ms, result };
}

function request(school, files) {
  return {
    school, files, validFrom: '2026-08-24', apply: true, today: '2026-11-28', actor: { personId: null, label: 'Benchmark' },
    options: { createMissingTeachers: false, createMissingClasses: false },
  };
}

/** Lesson versions and their periods valid on `date`: what a timetable or feed shows for that week. */
const identityRows = (db, schoolId, date) => db.dataSource.query(
  `SELECT l.id, l.lineage_id, e.weekday, e.period FROM lessons l
   LEFT JOIN timetable_entries e ON e.lesson_lineage_id = l.lineage_id AND e.valid_from <= $2 AND (e.valid_to IS NULL OR e.valid_to >= $2)
   WHERE l.school_id = $1 AND l.valid_from <= $2 AND (l.valid_to IS NULL OR l.valid_to >= $2)`, [schoolId, date]);
const CHECK_DATE = '2026-12-07';

async function main() {
  console.log(`PostgreSQL: ${databaseUrl} (neu angelegt)`);
  await recreateDatabase(databaseUrl);
  const db = await openDatabase({ url: databaseUrl, poolSize: 4, dataDir: 'memory://' });
  await db.dataSource.runMigrations({ transaction: 'each' });
  const [{ id: carrierId }] = await db.dataSource.query(`INSERT INTO school_carriers (name, federal_state) VALUES ('Benchmark-Träger', 'NW') RETURNING id`);

  const generated = await timed('Export erzeugen', async () => {
    const spec = largeSchoolSpec(1);
    const plan = planTimetable(spec, 1);
    return { spec, plan, files: writeUntisExport(plan, { encoding: 'windows-1252', validFrom: '2026-08-24', validTo: spec.schoolYear.endsOn }) };
  });
  const { spec, plan, files } = generated.result;
  const rows001 = gpu001RowCount(plan);
  const rows002 = gpu002RowCount(plan);
  console.log(`Schule: ${spec.teachers.length} Lehrkräfte, ${spec.classes.length} Klassen/Jahrgänge, ${plan.lessons.length} Unterrichte, ${rows002} GPU002-Zeilen, ${rows001} GPU001-Zeilen, ${spec.pupils.length} Schüler:innen (Export in ${Math.round(generated.ms)} ms)`);

  const school = await setUpSchool(db.dataSource.manager, carrierId, spec, '300000');
  const first = await timed('Erstimport', () => runUntisImport(db.dataSource, request(school, files)));
  const again = await timed('Re-Import ohne Änderung', () => runUntisImport(db.dataSource, request(school, files)));
  const before = await identityRows(db, school.id, CHECK_DATE);
  const changedPlan = mutateExport(plan, 0.05, 7);
  const changedFiles = writeUntisExport(changedPlan, { encoding: 'windows-1252', validFrom: '2026-08-24', validTo: spec.schoolYear.endsOn });
  const changed = await timed('Re-Import mit 5 % Änderungen', () => runUntisImport(db.dataSource, { ...request(school, changedFiles), validFrom: '2026-11-30' }));
  const after = await identityRows(db, school.id, CHECK_DATE);

  const lessonIds = new Set(before.map((r) => r.id));
  const keptLessons = new Set(after.filter((r) => lessonIds.has(r.id)).map((r) => r.id)).size; // same version id on the same day
  const uid = (r) => `${r.lineage_id}|${r.weekday}|${r.period}`;
  const uidsBefore = new Set(before.filter((r) => r.weekday !== null).map(uid));
  const uidsAfter = new Set(after.filter((r) => r.weekday !== null).map(uid));
  const keptUids = [...uidsBefore].filter((u) => uidsAfter.has(u)).length;
  const mutations = changedPlan.mutations ?? [];
  const changedRows = mutations.reduce((sum, m) => sum + m.gpu001.changed + m.gpu001.added + m.gpu001.removed + m.gpu002.changed + m.gpu002.added + m.gpu002.removed, 0);

  const rowsOut = (r) => r.result.summary.rowsWritten;
  const perSecond = (r) => Math.round(((rows001 + rows002) / r.ms) * 1000);
  for (const r of [first, again, changed]) {
    console.log(`${r.label.padEnd(30)} ${String(Math.round(r.ms)).padStart(6)} ms  ${String(perSecond(r)).padStart(7)} Zeilen/s gelesen  ${rowsOut(r)} Zeilen geschrieben  (${r.result.status})`);
  }
  console.log(`5 %-Änderung: ${changedRows} von ${rows001 + rows002} Export-Zeilen geändert (${mutations.length} Änderungen); Unterrichts-IDs erhalten ${keptLessons}/${lessonIds.size} = ${((100 * keptLessons) / lessonIds.size).toFixed(1)} %, Kalender-UIDs (Stunde × Unterricht) erhalten ${keptUids}/${uidsBefore.size} = ${((100 * keptUids) / uidsBefore.size).toFixed(1)} %`);

  // A state's rollout: one school after another, each set up and imported; heap after each import.
  const heaps = [];
  let rolloutMs = 0;
  for (let i = 1; i <= schoolCount; i++) {
    const next = await setUpSchool(db.dataSource.manager, carrierId, spec, String(400000 + i));
    const run = await timed(`Schule ${i}`, () => runUntisImport(db.dataSource, request(next, files)));
    rolloutMs += run.ms;
    gc();
    heaps.push(process.memoryUsage().heapUsed / 2 ** 20);
    if (i % 10 === 0) console.log(`  ${i} Schulen: letzte ${Math.round(run.ms)} ms, Heap ${heaps.at(-1).toFixed(1)} MB, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  }
  const afterTen = heaps.slice(10);
  const growth = afterTen.length ? Math.max(...afterTen) - heaps[9] : 0;
  console.log(`${schoolCount} Schulen: ${(rolloutMs / 1000).toFixed(1)} s Import gesamt (${Math.round(rolloutMs / schoolCount)} ms je Schule), Heap nach 10: ${heaps[9]?.toFixed(1)} MB, danach max ${Math.max(...afterTen).toFixed(1)} MB (+${growth.toFixed(1)} MB)`);

  const goals = {
    'Erstimport < 2 s': first.ms < 2000,
    'Re-Import ohne Änderung < 1 s und schreibt nichts': again.ms < 1000 && rowsOut(again) === 0 && again.result.status === 'NO_CHANGES',
    '≥ 95 % der Unterrichts-IDs und UIDs erhalten': keptLessons / lessonIds.size >= 0.95 && keptUids / uidsBefore.size >= 0.95,
    'Speicher flach nach 10 Schulen (< 20 MB Zuwachs)': growth < 20,
  };
  for (const [goal, met] of Object.entries(goals)) console.log(`${met ? '✓' : '✗'} ${goal}`);
  await db.close();
  process.exitCode = Object.values(goals).every(Boolean) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// npm run bench:absences — the morning rush on PostgreSQL with the full demo data: 50 clients, each
// signed in as a secretariat or teacher account (own session), entering absences for distinct
// pupils and loading class registers. After a warm-up (5 s at 50 requests/s, reported apart), two
// phases: a fixed total of 100 requests/s (evenly spaced, open loop) for BENCH_DURATION s (default
// 60), then unthrottled (every client back to back) to
// find the saturation throughput. Reports requests/s, p50/p99 per operation, errors (must be 0) and
// expected refusals (deliberate overlaps with another reason) apart from errors; afterwards checks
// that every acknowledged absence is in the database exactly once.
// Goals at 100 requests/s: p99 < 100 ms entering an absence, < 150 ms loading a class register;
// the name search ("Mueller", a typo) answers within 100 ms (p99).
// Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sv_bench_absences — recreated),
//      BENCH_DURATION (seconds of the fixed-rate phase), BENCH_SATURATION_DURATION (default 30),
//      BENCH_WARMUP_DURATION (default 5), BENCH_PORT (default 3901).
import pg from 'pg';
import { graphql as graphqlAt, percentile, recreateDatabase, startServer } from './lib.mjs';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sv_bench_absences';
const duration = Number(process.env.BENCH_DURATION ?? 60);
const saturationSeconds = Number(process.env.BENCH_SATURATION_DURATION ?? 30);
const warmUpSeconds = Number(process.env.BENCH_WARMUP_DURATION ?? 5);
const port = Number(process.env.BENCH_PORT ?? 3901);
const base = `http://127.0.0.1:${port}`;
const CLIENTS = 50;
const SECRETARIAT_CLIENTS = 25;
const PASSWORD = 'Schule2026!';

const REPORT = `mutation($input: ReportAbsenceInput!) { reportAbsence(input: $input) { outcome absence { id version } } }`;
const REGISTER = `query($l: ID!, $d: LocalDate!, $p: Int!) { classRegisterLesson(lessonLineageId: $l, date: $d, period: $p) {
  topicRequired mayEdit entry { id topic } pupils { pupilId firstName lastName status lateMinutes absenceId } } }`;

/**
 * Days for the entries: Monday, Wednesday and Friday (a school day lies between any two, so no
 * two entries of a pupil touch and merge) of the school weeks before Christmas and in January 2027
 * (Berlin's holidays left out).
 */
function entryDays() {
  const days = [];
  for (const [from, to] of [['2026-11-30', '2026-12-18'], ['2027-01-04', '2027-01-29']]) {
    for (let date = new Date(`${from}T12:00:00Z`); date <= new Date(`${to}T12:00:00Z`); date.setUTCDate(date.getUTCDate() + 1)) {
      if ([1, 3, 5].includes(date.getUTCDay())) days.push(date.toISOString().slice(0, 10));
    }
  }
  return days;
}

async function signIn(username) {
  const { cookie, body } = await graphqlAt(base, `mutation($i: SignInInput!) { signIn(input: $i) { session } }`, { i: { username, password: PASSWORD } });
  return { cookie, session: body.data.signIn.session };
}

/** Secretariat clients get disjoint slices of the school's pupils; teacher clients their lessons of the day. */
async function prepareClients() {
  const office = await signIn('gym.sekretariat');
  const schoolId = office.session.schoolRoles[0].schoolId;
  const pupils = [];
  for (let offset = 0; ; offset += 200) {
    const { body } = await graphqlAt(base, `query($s: ID!, $o: Int!) { pupils(filter: { schoolId: $s }, page: { limit: 200, offset: $o }) { items { id } } }`, { s: schoolId, o: offset }, office.cookie);
    pupils.push(...body.data.pupils.items.map((p) => p.id));
    if (body.data.pupils.items.length < 200) break;
  }
  const teacherNames = ['gym.lehrkraft', 'gym.klassenleitung', 'beide.lehrkraft'];
  const clients = [];
  for (let i = 0; i < CLIENTS; i++) {
    const isOffice = i < SECRETARIAT_CLIENTS;
    const { cookie } = await signIn(isOffice ? 'gym.sekretariat' : teacherNames[i % teacherNames.length]);
    clients.push({ kind: isOffice ? 'office' : 'teacher', cookie, pupils: isOffice ? pupils.filter((_, p) => p % SECRETARIAT_CLIENTS === i) : [] });
  }
  const names = [];
  for (const offset of [0, 300, 600]) {
    const { body } = await graphqlAt(base, `query($s: ID!, $o: Int!) { pupils(filter: { schoolId: $s }, page: { limit: 50, offset: $o }) { items { firstName lastName } } }`, { s: schoolId, o: offset }, office.cookie);
    names.push(...body.data.pupils.items);
  }
  return { clients, pupils, schoolId, office, names };
}

async function lessonsToLoad(clients, date) {
  const seen = new Map();
  for (const client of clients.filter((c) => c.kind === 'teacher')) {
    const key = client.cookie;
    if (!seen.has(key)) {
      const { body } = await graphqlAt(base, `query($d: LocalDate!) { myLessonsOfDay(date: $d) { lessonLineageId lesson { date period status } } }`, { d: date }, client.cookie);
      seen.set(key, body.data.myLessonsOfDay.filter((l) => l.lesson.status !== 'CANCELLED').map((l) => ({ l: l.lessonLineageId, d: l.lesson.date, p: l.lesson.period })));
    }
    client.lessons = seen.get(key);
    if (client.lessons.length === 0) throw new Error('A teacher account has no lessons on the benchmark day: choose another day.');
  }
}

/** The work items: each office request enters a new absence for a (pupil, day) nobody else uses; 1 in 50 collides on purpose. */
function* workFor(client, days, counters) {
  let turn = 0;
  let slot = client.slot ?? 0;
  for (;;) {
    if (client.kind === 'teacher') {
      yield { operation: 'classRegister', query: REGISTER, variables: client.lessons[turn++ % client.lessons.length] };
      continue;
    }
    client.slot = ++slot;
    const pupil = client.pupils[slot % client.pupils.length];
    const day = days[Math.floor(slot / client.pupils.length) % days.length];
    const collide = slot % 50 === 49 && counters.written.length > 0;
    if (collide) {
      // Same pupil and day as an earlier entry, another reason: the server must refuse it.
      const earlier = counters.written[slot % counters.written.length];
      yield { operation: 'reportAbsence', expectRefusal: true, query: REPORT, variables: { input: { pupilId: earlier.pupilId, startsOn: earlier.day, reason: 'DOCTOR', reportedBy: 'OTHER', reporterName: 'Benchmark', reportedVia: 'PHONE' } } };
    } else {
      yield { operation: 'reportAbsence', pupilId: pupil, day, query: REPORT, variables: { input: { pupilId: pupil, startsOn: day, reason: 'SICK', reportedBy: 'OTHER', reporterName: 'Benchmark', reportedVia: 'PHONE' } } };
    }
  }
}

async function send(client, item, results, counters) {
  const started = performance.now();
  let outcome = 'error';
  try {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: client.cookie }, body: JSON.stringify({ query: item.query, variables: item.variables }) });
    const body = await response.json();
    if (item.expectRefusal) outcome = body.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT' ? 'refused' : 'error';
    else outcome = body.errors || !response.ok ? 'error' : 'ok';
    if (outcome === 'error' && !item.expectRefusal) counters.errorSamples.push(JSON.stringify(body.errors ?? response.status).slice(0, 300));
    if (outcome === 'ok' && item.operation === 'reportAbsence') {
      counters.acknowledged.push(body.data.reportAbsence.absence.id);
      counters.written.push({ pupilId: item.pupilId, day: item.day });
    }
  } catch (error) {
    counters.errorSamples.push(String(error).slice(0, 300));
  }
  const row = results[item.operation];
  row.latencies.push(performance.now() - started);
  row[outcome]++;
}

const emptyResults = () => Object.fromEntries(['reportAbsence', 'classRegister'].map((op) => [op, { latencies: [], ok: 0, refused: 0, error: 0 }]));

async function fixedRatePhase(clients, days, counters, rate, seconds) {
  const results = emptyResults();
  const generators = clients.map((client) => workFor(client, days, counters));
  const interval = 1000 / rate;
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < seconds * rate; i++) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const index = i % clients.length;
    pending.push(send(clients[index], generators[index].next().value, results, counters));
  }
  await Promise.all(pending);
  return { results, seconds: (performance.now() - started) / 1000 };
}

async function saturationPhase(clients, days, counters) {
  const results = emptyResults();
  const generators = clients.map((client) => workFor(client, days, counters));
  const started = performance.now();
  const until = started + saturationSeconds * 1000;
  await Promise.all(clients.map(async (client, index) => {
    while (performance.now() < until) await send(client, generators[index].next().value, results, counters);
  }));
  return { results, seconds: (performance.now() - started) / 1000 };
}

// The quick entry's name search: what a secretary types for a pupil — a surname with ue/oe/ae/ss
// for the umlaut, one wrong letter, two letters swapped, a first-name prefix with the surname — one
// search after the other (a person waits for the hits), timed from request to answer.
function searchTerms(names) {
  const transliterate = (text) => text.replace(/ü/g, 'ue').replace(/ö/g, 'oe').replace(/ä/g, 'ae').replace(/ß/g, 'ss');
  // One wrong letter (the third); "x" forms no ae/oe/ue that would read as an umlaut.
  const typo = (text) => (text.length > 3 ? `${text.slice(0, 2)}${text[2] === 'x' ? 'y' : 'x'}${text.slice(3)}` : text);
  // The third and fourth letters swapped ("Kasier" for "Kaiser"), where they differ.
  const swap = (text) => (text.length > 4 && text[2] !== text[3] ? `${text.slice(0, 2)}${text[3]}${text[2]}${text.slice(4)}` : text);
  return names.flatMap(({ firstName, lastName }) => [transliterate(lastName), typo(lastName), swap(lastName), `${firstName.slice(0, 3)} ${lastName}`]
    .map((query) => ({ query, lastName })));
}

async function searchPhase(client, schoolId, names) {
  const latencies = [];
  const missed = [];
  let found = 0;
  for (const { query, lastName } of searchTerms(names)) {
    const started = performance.now();
    const { body } = await graphqlAt(base, `query($s: ID!, $q: String!) { searchPupilsForAbsence(schoolId: $s, query: $q) { lastName } }`, { s: schoolId, q: query }, client.cookie);
    latencies.push(performance.now() - started);
    if (body.data.searchPupilsForAbsence.some((hit) => hit.lastName === lastName)) found++;
    else missed.push(`„${query}“ → ${lastName}`);
  }
  const sorted = latencies.sort((a, b) => a - b);
  console.log(`\nNamenssuche (${sorted.length} Suchen nacheinander: Umlaut umschrieben, ein falscher Buchstabe, zwei vertauschte, Vornamenanfang + Nachname)`);
  console.log(`  p50 ${Math.round(percentile(sorted, 50))} ms  p99 ${Math.round(percentile(sorted, 99))} ms  gesuchte Person unter den Treffern: ${found} von ${sorted.length}`);
  if (missed.length > 0) console.log(`  nicht gefunden: ${missed.slice(0, 10).join(', ')}${missed.length > 10 ? ' …' : ''}`);
  return { p99: percentile(sorted, 99), found, total: sorted.length };
}

function report(label, { results, seconds }) {
  console.log(`\n${label}`);
  for (const [operation, row] of Object.entries(results)) {
    const sorted = [...row.latencies].sort((a, b) => a - b);
    console.log(`  ${operation.padEnd(15)} ${String(Math.round(sorted.length / seconds)).padStart(5)} req/s  p50 ${Math.round(percentile(sorted, 50) ?? 0)} ms  p99 ${Math.round(percentile(sorted, 99) ?? 0)} ms  ok ${row.ok}  erwartet abgelehnt ${row.refused}  Fehler ${row.error}`);
  }
  const total = Object.values(results).reduce((sum, row) => sum + row.latencies.length, 0);
  console.log(`  gesamt          ${Math.round(total / seconds)} req/s`);
}

async function verifyWrites(acknowledged) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows: [found] } = await client.query(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct_ids FROM absences WHERE id = ANY($1)`, [acknowledged]);
  const { rows: [doubles] } = await client.query(`SELECT count(*)::int AS n FROM (SELECT pupil_id, starts_on FROM absences WHERE reporter_name = 'Benchmark' GROUP BY pupil_id, starts_on HAVING count(*) > 1) d`);
  const { rows: [all] } = await client.query(`SELECT count(*)::int AS n FROM absences WHERE reporter_name = 'Benchmark'`);
  await client.end();
  return { acknowledged: new Set(acknowledged).size, found: found.distinct_ids, stored: all.n, doubled: doubles.n };
}

async function main() {
  console.log(`PostgreSQL: ${databaseUrl} (neu angelegt) · ${duration} s bei 100 Anfragen/s, dann ${saturationSeconds} s ungebremst · ${CLIENTS} Clients`);
  await recreateDatabase(databaseUrl);
  const server = await startServer(databaseUrl, port);
  try {
    const { clients, pupils, schoolId, office, names } = await prepareClients();
    const days = entryDays();
    await lessonsToLoad(clients, days[0]);
    console.log(`${pupils.length} Schüler:innen, ${days.length} Schultage für Einträge, Unterrichtsstunden ab ${days[0]}`);
    const counters = { acknowledged: [], written: [], errorSamples: [] };
    // The server has just started: its first requests compile code, open pooled connections and
    // fill the timetable day cache. Shown apart, as a server that has been up all morning is past that.
    const warmUp = await fixedRatePhase(clients, days, counters, 50, warmUpSeconds);
    report(`Aufwärmen: ${warmUpSeconds} s mit 50 Anfragen/s direkt nach dem Start (nicht in den Zielen)`, warmUp);
    const fixed = await fixedRatePhase(clients, days, counters, 100, duration);
    report('Feste Rate: 100 Anfragen/s', fixed);
    const saturated = await saturationPhase(clients, days, counters);
    report('Ungebremst (Sättigung)', saturated);
    const search = await searchPhase(office, schoolId, names);
    const check = await verifyWrites(counters.acknowledged);
    console.log(`\nBestätigte Einträge: ${check.acknowledged}, davon in der Datenbank: ${check.found}; gespeichert insgesamt: ${check.stored}; doppelt: ${check.doubled}`);
    for (const sample of counters.errorSamples.slice(0, 5)) console.log(`Fehler: ${sample}`);
    const p99 = (row) => percentile([...row.latencies].sort((a, b) => a - b), 99);
    const errors = [warmUp, fixed, saturated].reduce((sum, phase) => sum + Object.values(phase.results).reduce((s, row) => s + row.error, 0), 0);
    const goals = {
      'Eintragen p99 < 100 ms bei 100 Anfragen/s': p99(fixed.results.reportAbsence) < 100,
      'Klassenbuch p99 < 150 ms bei 100 Anfragen/s': p99(fixed.results.classRegister) < 150,
      'Namenssuche p99 < 100 ms, jede Suche findet die gesuchte Person': search.p99 < 100 && search.found === search.total,
      'keine Fehler': errors === 0,
      'jeder bestätigte Eintrag genau einmal gespeichert': check.found === check.acknowledged && check.stored === check.acknowledged && check.doubled === 0,
    };
    for (const [goal, met] of Object.entries(goals)) console.log(`${met ? '✓' : '✗'} ${goal}`);
    process.exitCode = Object.values(goals).every(Boolean) ? 0 : 1;
  } finally {
    server.kill('SIGINT');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

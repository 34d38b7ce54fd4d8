#!/usr/bin/env node
// npm run bench:api — GraphQL throughput and latency on PostgreSQL with the full demo data.
// (a) { __typename }: the framework's ceiling; (b) a class's ~30 pupils, flat fields;
// (c) the same pupils with class and guardians resolved (nested, batched by DataLoaders).
// Each at a fixed 100 requests/s (evenly spaced, open loop), then saturated with 50 connections (autocannon).
// Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sv_bench — recreated),
//      BENCH_DURATION seconds per phase (default 20), BENCH_PORT (default 3900).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { graphql as graphqlAt, percentile, recreateDatabase, root, startServer as startServerOn } from './lib.mjs';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sv_bench';
const duration = Number(process.env.BENCH_DURATION ?? 20);
const port = Number(process.env.BENCH_PORT ?? 3900);
const base = `http://127.0.0.1:${port}`;

const startServer = () => startServerOn(databaseUrl, port);
const graphql = (query, variables, cookie) => graphqlAt(base, query, variables, cookie);

async function prepareScenarios() {
  const { cookie, body } = await graphql(`mutation { signIn(input: { username: "gym.sekretariat", password: "Schule2026!" }) { session } }`);
  const schoolId = body.data.signIn.session.schoolRoles[0].schoolId;
  const groups = await graphql(`query($s: ID!) { groups(filter: { schoolId: $s, kind: CLASS, search: "7b" }) { items { id name pupilCount } } }`, { s: schoolId }, cookie);
  const klass = groups.body.data.groups.items[0];
  const flat = `query($c: ID!) { pupils(filter: { classId: $c }, page: { limit: 50 }) { total items { id firstName lastName birthDate gender } } }`;
  const nested = `query($c: ID!) { pupils(filter: { classId: $c }, page: { limit: 50 }) { total items { id firstName lastName birthDate gender class { name } guardianships { relation hasCustody guardian { firstName lastName phone } } } } }`;
  const check = await graphql(nested, { c: klass.id }, cookie);
  console.log(`Klasse ${klass.name}: ${check.body.data.pupils.total} Schüler:innen, ${check.body.data.pupils.items.flatMap((p) => p.guardianships).length} Erziehungsberechtigungen`);
  return {
    cookie,
    scenarios: [
      { name: '(a) { __typename }', body: { query: '{ __typename }' } },
      { name: '(b) 30 pupils, flat', body: { query: flat, variables: { c: klass.id } } },
      { name: '(c) 30 pupils, nested', body: { query: nested, variables: { c: klass.id } } },
    ],
  };
}


// Open-loop load at a fixed rate: one request every 1000/rate ms, evenly spaced, each timed from
// its scheduled start (so a slow server cannot slow the arrivals down). autocannon's overallRate
// releases requests in bursts across its connections, which measures queueing, not the server.
async function fixedRate(scenario, cookie, rate) {
  const interval = 1000 / rate;
  const count = Math.round(duration * rate);
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < count; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(fetch(`${base}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(scenario.body),
    }).then(async (response) => {
      const body = await response.json();
      if (!response.ok || body.errors) errors += 1;
      latencies.push(performance.now() - due);
    }, () => { errors += 1; }));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: Math.round(latencies.length / elapsed), p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), errors, total: count };
}

async function saturated(scenario, cookie) {
  const result = await autocannon({
    url: `${base}/graphql`, method: 'POST', duration, connections: 50,
    headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(scenario.body),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx, total: result.requests.total,
  };
}

async function run(scenario, cookie, phase) {
  const measured = phase === 'rate' ? await fixedRate(scenario, cookie, 100) : await saturated(scenario, cookie);
  return { scenario: scenario.name, phase: phase === 'rate' ? '100 req/s' : 'saturated (50 conn.)', ...measured };
}

async function main() {
  console.log(`PostgreSQL: ${databaseUrl} (neu angelegt) · ${duration} s je Phase`);
  await recreateDatabase(databaseUrl);
  const server = await startServer();
  try {
    const { cookie, scenarios } = await prepareScenarios();
    const rows = [];
    for (const scenario of scenarios) {
      for (const phase of ['rate', 'saturated']) {
        // Warm up (JIT, a prepared statement on every pooled connection) before measuring.
        await autocannon({ url: `${base}/graphql`, method: 'POST', duration: 5, connections: 10, headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(scenario.body) });
        const row = await run(scenario, cookie, phase);
        rows.push(row);
        console.log(`${row.scenario.padEnd(26)} ${row.phase.padEnd(22)} ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors}`);
      }
    }
    const nestedRate = rows.find((r) => r.scenario.startsWith('(c)') && r.phase === '100 req/s');
    const flatMax = rows.find((r) => r.scenario.startsWith('(b)') && r.phase !== '100 req/s');
    const nestedMax = rows.find((r) => r.scenario.startsWith('(c)') && r.phase !== '100 req/s');
    const goals = {
      'nested p99 at 100 req/s < 100 ms': nestedRate.p99 < 100,
      'nested saturated ≥ 50 % of flat saturated': nestedMax.requestsPerSecond >= 0.5 * flatMax.requestsPerSecond,
      'no errors': rows.every((r) => r.errors === 0),
    };
    console.log('\nZiele:');
    for (const [goal, met] of Object.entries(goals)) console.log(`  ${met ? 'erfüllt    ' : 'NICHT erfüllt'}  ${goal}`);
    mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    const file = path.join(root, 'bench/results', `api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ node: process.version, databaseUrl, duration, rows, goals }, null, 2));
    console.log(`\nErgebnisse: ${path.relative(root, file)}`);
    process.exitCode = Object.values(goals).every(Boolean) ? 0 : 1;
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

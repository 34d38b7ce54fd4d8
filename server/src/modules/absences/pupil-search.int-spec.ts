import { Client } from 'pg';
import { startTestApp, TestApp, TestClient } from '../../../test/test-app';
import { AbsenceSchool, givenAbsenceSchool } from '../../../test/given-absences';
import { firstError } from '../../../test/inspect';
import { NAME_MATCH } from '../pupils/name-match';
import { WORD_SIMILARITY_THRESHOLD } from './pupil-search.service';

// searchPupilsForAbsence: the secretariat types part of a name; umlauts are folded ("Mueller" =
// "Müller"), one wrong letter is tolerated, the class is shown beside each hit, only the caller's
// school and the pupils they may see — answered through the trigram index on persons.search_name.

const SEARCH = `query($schoolId: ID!, $query: String!, $limit: Int) {
  searchPupilsForAbsence(schoolId: $schoolId, query: $query, limit: $limit) { pupilId firstName lastName className birthDate }
}`;

interface Hit { pupilId: string; firstName: string; lastName: string; className: string | null }

describe('searchPupilsForAbsence', () => {
  let app: TestApp;
  let s: AbsenceSchool;
  let office: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    s = await givenAbsenceSchool(app);
    office = await s.as('secretariat');
  });

  afterAll(() => app.close());

  const search = async (query: string, client = office): Promise<Hit[]> => (await client.ok(SEARCH, { schoolId: s.schoolId, query })).searchPupilsForAbsence;
  const names = (hits: Hit[]) => hits.map((h) => `${h.firstName} ${h.lastName} (${h.className})`);

  it.each(['Müller', 'Mueller', 'MUELLER', 'müller anna', 'Müler', 'Muller', 'Mülker'])('when searching "%s" → should find Anna Müller of 7b first', async (query) => {
    expect(names(await search(query))[0]).toBe('Anna Müller (7b)');
  });

  it.each([
    ['Mxller', 'Anna Müller (7b)'], ['Mülelr', 'Anna Müller (7b)'], ['Schmdit', 'Ben Schmidt (7b)'],
    ['Wniter', 'Tom Winter (7a)'], ['Somer', 'Mia Sommer (7b)'], ['Gros', 'Paul Groß (7b)'],
  ])('when searching "%s" (a wrong, missing or swapped letter) → should find %s first', async (query, expected) => {
    expect(names(await search(query))[0]).toBe(expected);
  });

  it('when typing the start of a name → should find it', async () => {
    expect(names(await search('Som'))).toEqual(['Mia Sommer (7b)']);
  });

  it('should not find the Müller of the other school', async () => {
    const hits = await search('Müller');

    expect(hits.map((h) => h.pupilId)).not.toContain(s.pupils.other);
    expect(hits).toHaveLength(1);
  });

  it('when the query is a single letter → should find nothing yet', async () => {
    expect(await search('M')).toEqual([]);
  });

  it('a class teacher should find only pupils they may see', async () => {
    const classTeacher = await s.as('classTeacher');

    expect(await search('Winter', classTeacher)).toEqual([]);
    expect(names(await search('Schmidt', classTeacher))).toEqual(['Ben Schmidt (7b)']);
  });

  it('when the limit is too high → should answer BAD_USER_INPUT', async () => {
    const result = await office.gql(SEARCH, { schoolId: s.schoolId, query: 'Müller', limit: 1000 });

    expect(firstError(result)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'limit' }));
  });

  it('should answer within 100 ms (median of 20 searches)', async () => {
    const durations: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await search(i % 2 ? 'Mueller' : 'Müler');
      durations.push(performance.now() - started);
    }

    expect(durations.sort((a, b) => a - b)[10]).toBeLessThan(100);
  });

  it('should search names only with conditions the GIN indexes on persons.search_name serve (trigrams, typo keys)', async () => {
    const { text } = await statementOf(() => search('Müler'));
    const nameMatch = NAME_MATCH.replaceAll(':like', '$1').replaceAll(':search', '$2');

    const plan = await app.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
      // A few test rows make a sequential scan cheapest; without it the planner must show whether the index serves the condition.
      await manager.query('SET LOCAL enable_seqscan = off');
      return manager.query(`EXPLAIN (FORMAT JSON) SELECT pe.id FROM persons pe WHERE ${nameMatch}`, ['%mueler%', 'mueler']);
    });

    expect(text).toMatch(/\$\d+ <% "pe"\."search_name"/);
    expect(text).not.toMatch(/word_similarity\([^)]*\) >=/);
    expect(JSON.stringify(plan)).toContain('"Index Name":"ix_persons_search_name_trgm"');
    expect(JSON.stringify(plan)).toContain('"Index Name":"ix_persons_search_typo_keys"');
  });
});

/** The SELECT the search sends (text and parameters), caught at the database client. */
async function statementOf(work: () => Promise<unknown>): Promise<{ text: string; values: unknown[] }> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    await work();
    const calls = spy.mock.calls.map(([query, values]) => (typeof query === 'string' ? { text: query, values: values as unknown[] } : query as { text: string; values: unknown[] }));
    return calls.find((c) => c.text.includes('search_name') && c.text.trim().startsWith('SELECT'))!;
  } finally {
    spy.mockRestore();
  }
}

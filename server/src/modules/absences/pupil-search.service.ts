import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { normalizeName } from '@schulverwaltung/shared';
import { checkId, loadVisible } from '../../common/access';
import { badInput } from '../../common/app-error';
import { germanSortKey } from '../../common/german-sort';
import { RequestContext } from '../../authz/request-context';
import { scopeFor } from '../../authz/scope-to-sql';
import { NAME_MATCH, NAME_MATCH_ORDER } from '../pupils/name-match';
import { PUPIL_COLUMNS } from '../pupils/pupil.read-model';
import { PersonEntity } from '../pupils/person.entity';
import { PupilEntity } from '../pupils/pupil.entity';
import { SchoolEntity } from '../schools/school.entity';
import { PupilSearchHit } from './absence.types';

// The secretariat's name field: part of a name, fuzzy, across the school, best matches first, with
// the class beside each hit. Names are compared normalised ("Müller" = "mueller"), by trigram word
// similarity and by typo keys, so "Mueller", a wrong letter ("Mexer" for "Meyer"), a missing one
// ("Müler") or two swapped ("Kasier") find the name.
//
// Every condition is one an index on persons.search_name answers (name-match.ts): LIKE '%…%' and
// the word-similarity operator <% the GIN trigram index (the operator's threshold is a setting, so
// it is set for the transaction; the function word_similarity() >= x cannot use the index), the
// typo keys their GIN index. So the search stays fast however many persons the state has.

/** Trigram word similarity from which a name counts as a hit: tolerates one wrong letter in names of five letters or more. */
export const WORD_SIMILARITY_THRESHOLD = 0.4;
export const MAX_SEARCH_HITS = 25;

@Injectable()
export class PupilSearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(ctx: RequestContext, schoolId: string, query: string, limit = 10): Promise<PupilSearchHit[]> {
    if (limit < 1 || limit > MAX_SEARCH_HITS) throw badInput('limit', `muss zwischen 1 und ${MAX_SEARCH_HITS} liegen`, 'out_of_range');
    await loadVisible(this.dataSource.manager, SchoolEntity, checkId(schoolId, 'schoolId'), 'School', ctx.ability, 'Schule');
    const search = normalizeName(query);
    const scope = scopeFor(ctx.ability, 'read', 'Pupil', PUPIL_COLUMNS);
    if (search.length < 2 || scope.isEmpty) return [];
    const qb = this.dataSource.manager.createQueryBuilder(PersonEntity, 'pe')
      .innerJoin(PupilEntity, 'p', 'p.person_id = pe.id AND p.school_id = :schoolId', { schoolId })
      .innerJoin('school_years', 'sy', 'sy.school_id = p.school_id AND sy.is_current')
      .innerJoin('enrolments', 'e', `e.pupil_id = p.id AND e.school_year_id = sy.id AND e.status = 'ACTIVE'`)
      .leftJoin('groups', 'cl', 'cl.id = e.class_id')
      .select(['p.id AS "pupilId"', 'pe.first_name AS "firstName"', 'pe.last_name AS "lastName"', 'pe.birth_date AS "birthDate"',
        'e.class_id AS "classId"', 'cl.name AS "className"'])
      .where(NAME_MATCH, { like: `%${search}%`, search });
    for (const rank of NAME_MATCH_ORDER) qb.addOrderBy(rank, 'DESC');
    qb.addOrderBy(germanSortKey('pe.last_name')).addOrderBy(germanSortKey('pe.first_name')).addOrderBy('p.id')
      .limit(limit);
    scope.apply(qb);
    const [sql, parameters] = qb.getQueryAndParameters();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
      return manager.query(sql, parameters);
    });
  }
}

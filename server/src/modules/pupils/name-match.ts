// SQL conditions for finding a person by part of a name, over persons pe (pe.search_name holds
// normalizeName(first + last)); :search is the normalised query, :like '%' + it + '%'.

/** One typo (a wrong, missing, extra or swapped letter) in a word of the name; served by the GIN index over name_typo_keys() (migration 1795870000000). */
export const NAME_TYPO_MATCH = 'name_typo_keys(pe.search_name) && name_typo_keys(:search)';

/**
 * Part of the name, similar by trigrams, or one typo away — each served by an index on
 * persons.search_name. The trigram operator <% uses the word-similarity threshold set for the
 * transaction (pg_trgm.word_similarity_threshold).
 */
export const NAME_MATCH = `(pe.search_name LIKE :like OR :search <% pe.search_name OR ${NAME_TYPO_MATCH})`;

/** Best matches first: the query as typed inside the name, then one typo away, then by trigram similarity. */
export const NAME_MATCH_ORDER = [`pe.search_name LIKE :like`, NAME_TYPO_MATCH, 'word_similarity(:search, pe.search_name)'];

export { buildSearchText, normalizeForSearch, searchWords, PERCENT_WORD, UNDERSCORE_WORD } from './search-text.ts';
export { highlightWords, matchesWords, parseSearch, toFts5, toFts5Any, toFts5Ranked, toTsquery, MAX_TERMS, type SearchQuery, type Term } from './query.ts';
export { highlight, type Segment } from './highlight.ts';
export { exactFloat, preferIndexWalk, rankedTopK, searchSql, type SearchSql, type SearchTable } from './search.sql.ts';

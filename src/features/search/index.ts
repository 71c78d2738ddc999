export { buildSearchText, normalizeForSearch, searchWords, PERCENT_WORD, UNDERSCORE_WORD } from './search-text.ts';
export { highlightWords, matchesWords, parseSearch, toFts5Any, toFts5Match, toTsquery, MAX_TERMS, type Expansions, type SearchQuery, type Term, type Tier } from './query.ts';
export { highlighter, type Segment } from './highlight.ts';
export { dayOf, expandPrefixes, hasDatedIndex, readDatedMatches, searchSql, type SearchTable } from './search.sql.ts';

export { buildSearchText, normalizeForSearch } from './search-text.ts';

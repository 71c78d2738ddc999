// The claims feature: reading an article for dated claims (pure extraction, the CLI and the admin page).
export { extractClaims, sentences, EXTRACT_LANGUAGES, type Candidate, type ExtractLanguage } from './extract.ts';

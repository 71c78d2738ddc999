// `npm run claims:extract -- --published YYYY-MM-DD [--lang fr|en] FILE`: reads an article's text and
// prints the sentences holding a future-dated expression, the same reading as /admin/claims/extract.
// The last line of output is the JSON array [{ sentence, phrase, start, end, shape, label, … }].
// Exit codes: 0 done (an empty array when there is no date), 2 bad arguments or unreadable file.
import fs from 'node:fs';
import { EXTRACT_LANGUAGES, extractClaims, type ExtractLanguage } from '../src/features/claims/index.ts';

const USAGE = 'Usage: npm run claims:extract -- --published YYYY-MM-DD [--lang fr|en] FILE';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]): { published: Date; lang: ExtractLanguage; file: string } {
  let published: Date | null = null;
  let lang: ExtractLanguage = 'en';
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const m = /^--(published|lang)(?:=(.*))?$/.exec(arg);
    if (m) {
      const value = m[2] ?? argv[++i];
      if (value === undefined) fail(`--${m[1]} needs a value.`);
      if (m[1] === 'lang') {
        if (!(EXTRACT_LANGUAGES as readonly string[]).includes(value)) fail(`--lang "${value}": use ${EXTRACT_LANGUAGES.join(' or ')}.`);
        lang = value as ExtractLanguage;
      } else {
        const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00.000Z`) : null;
        if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) fail(`--published "${value}" is not a day: use YYYY-MM-DD.`);
        published = d;
      }
    } else if (arg.startsWith('--')) fail(`Unknown option "${arg}".`);
    else if (file === null) file = arg;
    else fail(`Give one file, not "${file}" and "${arg}".`);
  }
  if (!published) fail('Give the publication date with --published YYYY-MM-DD: relative words ("next year") are read against it.');
  if (!file) fail('Give the file holding the article text.');
  return { published, lang, file };
}

const { published, lang, file } = parseArgs(process.argv.slice(2));
let text: string;
try {
  text = fs.readFileSync(file, 'utf8');
} catch (err) {
  fail(`Cannot read "${file}": ${(err as Error).message}`);
}
if (text.includes('\u0000')) fail(`"${file}" is not text.`);
const candidates = extractClaims(text, published, lang);
console.error(`${candidates.length} candidate${candidates.length === 1 ? '' : 's'} in ${file}`);
console.log(JSON.stringify(candidates));

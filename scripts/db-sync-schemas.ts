// `npm run db:sync-schemas [-- --check]`: writes prisma/postgres/schema.prisma, the PostgreSQL
// twin of the source schema prisma/sqlite/schema.prisma (the only one to edit). With --check it
// changes nothing and exits 1 when the committed twin differs from what it would write.
// --source and --target name other files (used by the tests).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { postgresTwin } from '../src/platform/prisma-cli/twin.ts';
import { schemaPath } from '../src/platform/prisma-cli/run.ts';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    source: { type: 'string', default: schemaPath('sqlite') },
    target: { type: 'string', default: schemaPath('postgres') },
  },
});

const twin = postgresTwin(fs.readFileSync(values.source, 'utf8'));
const current = fs.existsSync(values.target) ? fs.readFileSync(values.target, 'utf8') : null;
const name = path.relative(process.cwd(), values.target);
if (values.check) {
  if (current !== twin) {
    console.error(`${name} is out of step with the SQLite schema: run \`npm run db:sync-schemas\`, then add a migration for both engines.`);
    process.exit(1);
  }
  console.log(`${name} is in step with the SQLite schema.`);
} else if (current === twin) {
  console.log(`${name} is already up to date.`);
} else {
  fs.mkdirSync(path.dirname(values.target), { recursive: true });
  fs.writeFileSync(values.target, twin);
  console.log(`wrote ${name}`);
}

// The multi-process tests always run on PostgreSQL: a template database per run, as for the
// PostgreSQL integration run (../helpers/global-setup.ts).
import setup from '../helpers/global-setup.ts';

export default async function multiSetup(): Promise<() => Promise<void>> {
  if (!process.env.TEST_POSTGRES_URL) {
    throw new Error('The multi-process tests need PostgreSQL: set TEST_POSTGRES_URL=postgresql://user@127.0.0.1:5432/postgres');
  }
  process.env.TIMELINE_TEST_ENGINE = 'postgres';
  return setup();
}

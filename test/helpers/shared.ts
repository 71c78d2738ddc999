// The team's shared folder (design notes, the seed article, field data) lies beside the clone,
// as ../shared; TIMELINE_SHARED_DIR points elsewhere. Tests read the seed article from it rather
// than keep a copy of a newspaper's text in the repository.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TIMELINE_SHARED_DIR ?? path.resolve(import.meta.dirname, '..', '..', '..', 'shared');

/** The text of a file under the shared folder, or an error that says where it was looked for. */
export function readShared(relative: string): string {
  const file = path.join(dir, relative);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: these tests read the team's shared folder beside the clone (../shared), or set TIMELINE_SHARED_DIR to it.`);
  }
  return fs.readFileSync(file, 'utf8');
}

export const SEED_ARTICLE_FILE = 'seed/article-meta-next-model.fr.txt';

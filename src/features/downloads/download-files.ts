// The public downloads, written to disk once per content version and served from there
// (res.sendFile: ranges, no export per request). Built per request, timeline.json of 100,000
// events took about 5 s and 250 MB for every download, on an address anyone may ask for.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Directories of this process's download files, removed when it exits. */
const directories = new Set<string>();
process.once('exit', () => {
  for (const dir of directories) fs.rmSync(dir, { recursive: true, force: true });
});

/** Versions of a file kept: the newest, and the one before for a request that was sent its path just before a change. */
const KEPT = 2;

export class DownloadFiles {
  #dir: string | null = null;
  readonly #writing = new Map<string, Promise<string>>();

  constructor(private readonly root = os.tmpdir()) {}

  #directory(): string {
    if (!this.#dir) {
      this.#dir = fs.mkdtempSync(path.join(this.root, 'timeline-downloads-'));
      directories.add(this.#dir);
    }
    return this.#dir;
  }

  /**
   * The path of `name` as of content `version`: written from `chunks` the first time it is asked
   * for (requests arriving meanwhile wait for that one writing), then read from disk.
   */
  file(name: string, version: number, chunks: () => AsyncIterable<string>): Promise<string> {
    const dir = this.#directory();
    const final = path.join(dir, `${version}-${name}`);
    if (fs.existsSync(final)) return Promise.resolve(final);
    let writing = this.#writing.get(final);
    if (!writing) {
      writing = this.#write(dir, name, final, chunks).finally(() => this.#writing.delete(final));
      this.#writing.set(final, writing);
    }
    return writing;
  }

  async #write(dir: string, name: string, final: string, chunks: () => AsyncIterable<string>): Promise<string> {
    const part = `${final}.part`;
    try {
      await pipeline(Readable.from(chunks()), fs.createWriteStream(part));
      await fs.promises.rename(part, final);
    } catch (err) {
      await fs.promises.rm(part, { force: true });
      throw err;
    }
    const versions = (await fs.promises.readdir(dir))
      .filter((f) => f.endsWith(`-${name}`))
      .sort((a, b) => parseInt(b, 10) - parseInt(a, 10));
    for (const old of versions.slice(KEPT)) await fs.promises.rm(path.join(dir, old), { force: true });
    return final;
  }
}

import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes text chunks as they come, waiting whenever `out` asks to (bounded memory for any size). */
export async function writeChunks(out: Writable, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    if (out.destroyed) return;
  }
}

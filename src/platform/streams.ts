import type { Writable } from 'node:stream';

/** Resolves when `out` can take more (drain) or is gone (close, error), removing its listeners. */
function writable(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

/** Writes text chunks as they come, waiting whenever `out` asks to (bounded memory for any size). */
export async function writeChunks(out: Writable, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (out.destroyed) return;
    if (!out.write(chunk)) await writable(out);
  }
}

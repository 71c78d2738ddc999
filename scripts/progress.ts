import cliProgress from 'cli-progress';

/** A progress bar on stderr that starts at the first report, or nothing when `show` is false. */
export function rowProgress(show: boolean) {
  const bar = show ? new cliProgress.SingleBar({ format: 'Checking rows [{bar}] {value}/{total}', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  let started = false;
  return {
    progress: (done: number, total: number) => {
      if (!bar) return;
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}

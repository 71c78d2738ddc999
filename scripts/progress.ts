import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr that starts at the first report, or nothing when `show` is false. A
 * total of 0 means not known yet (a JSON file is checked as it streams): the rows are counted.
 */
export function rowProgress(show: boolean) {
  let bar: cliProgress.SingleBar | null = null;
  return {
    progress: (done: number, total: number) => {
      if (!show) return;
      if (!bar) {
        const format = total > 0 ? 'Checking rows [{bar}] {value}/{total}' : 'Checking rows: {value}';
        bar = new cliProgress.SingleBar({ format, stream: process.stderr }, cliProgress.Presets.shades_classic);
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}

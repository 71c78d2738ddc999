import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureReport } from '../../scripts/feature-graph.ts';

describe('the features import one another', () => {
  const report = featureReport();

  it('when followed from any feature, then no import leads back to it', () => {
    expect(report.cycles).toEqual([]);
  });

  it('when one feature uses another, then it goes through its index.ts or routes.ts', () => {
    expect(report.bypasses).toEqual([]);
  });

  it('when a script or feature loads an index.ts, then no router comes with it', () => {
    expect(report.entriesLoadingRouters).toEqual([]);
  });
});

describe('the domain vocabulary', () => {
  it('when read by both sides, then it imports nothing itself', () => {
    const dir = path.join(import.meta.dirname, '..', 'domain');
    const imports = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').match(/^\s*(import|export)\b[^;]*\bfrom\s+'[^']+'/gm) ?? []);
    expect(imports).toEqual([]);
  });
});

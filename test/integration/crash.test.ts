// Defect 3 of issue 12: a create and an import are each one transaction, so a process killed
// (SIGKILL) in the middle of one leaves either all of it or none of it: never an event without its
// links or its history, never a subject without its organizations.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { named } from '../helpers/factories.ts';

const CHILD = path.resolve(import.meta.dirname, '../crash/crash-child.ts');

/** Runs the child; resolves with the signal that ended it (null when it finished). */
function runChild(url: string, mode: 'create' | 'import' | 'import-segments' | 'facts', crashAt: string): Promise<{ signal: string | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, mode, crashAt], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ signal, out: `exit ${code}: ${out}` }));
  });
}

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await t.db.organization.create({ data: { slug: 'crash-org', ...named('Crash Org') } });
});
afterEach(async () => t.close());

async function state() {
  const subject = await t.db.subject.findUnique({ where: { slug: 'crash-model' }, include: { organizations: true } });
  const events = await t.db.event.findMany({ where: { slug: { startsWith: 'crash-event-' } }, include: { organizations: true, sources: true } });
  const audits = await t.db.auditLog.count({ where: { action: 'create' } });
  const sources = await t.db.source.count({ where: { title: 'A report', publisher: 'Crash News' } });
  return { subject, events, audits, sources };
}

describe('a process killed in the middle of a create', () => {
  for (const crashAt of ['SubjectOrganization', 'AuditLog']) {
    it(`when it dies just before writing ${crashAt}, then the subject is not there at all`, async () => {
      const { signal, out } = await runChild(t.url, 'create', crashAt);
      expect(signal, out).toBe('SIGKILL');
      const s = await state();
      expect(s.subject).toBeNull();
      expect(s.audits).toBe(0);
    });
  }

  it('when nothing kills it, then the subject is there with its organization and its history', async () => {
    const { signal, out } = await runChild(t.url, 'create', 'none');
    expect(signal, out).toBeNull();
    const s = await state();
    expect(s.subject?.organizations).toHaveLength(1);
    expect(s.audits).toBe(1);
  });
});

describe('a process killed in the middle of an import', () => {
  for (const crashAt of ['EventOrganization', 'EventSource', 'AuditLog']) {
    it(`when it dies just before writing ${crashAt}, then nothing of the import is there`, async () => {
      const { signal, out } = await runChild(t.url, 'import', crashAt);
      expect(signal, out).toBe('SIGKILL');
      const s = await state();
      expect(s.events).toEqual([]);
      expect(s.sources).toBe(0);
      expect(s.audits).toBe(0);
    });
  }

  it('when nothing kills it, then every event is there with its organization, its source and its history', async () => {
    const { signal, out } = await runChild(t.url, 'import', 'none');
    expect(signal, out).toBeNull();
    const s = await state();
    expect(s.events).toHaveLength(50);
    for (const e of s.events) {
      expect(e.organizations).toHaveLength(1);
      expect(e.sources).toHaveLength(1);
    }
    expect(s.audits).toBe(51);
  });

  it('when the import is written in segments and it dies just before the last segment\'s events, then nothing of the import is there', async () => {
    // 50 events in segments of 10: four segments written (events, links, history) before the kill.
    const { signal, out } = await runChild(t.url, 'import-segments', 'Event#5');
    expect(signal, out).toBe('SIGKILL');
    const s = await state();
    expect(s.events).toEqual([]);
    expect(s.sources).toBe(0);
    expect(s.audits).toBe(0);
  });

  it('when the import is written in segments and nothing kills it, then every event is there', async () => {
    const { signal, out } = await runChild(t.url, 'import-segments', 'none');
    expect(signal, out).toBeNull();
    expect((await state()).events).toHaveLength(50);
  });
});

describe('a process killed between an import\'s records and their facts', () => {
  it('when it dies just before writing the facts, then the model it brought is not there either', async () => {
    const { signal, out } = await runChild(t.url, 'facts', 'SubjectFact');
    expect(signal, out).toBe('SIGKILL');
    const s = await state();
    expect(s.subject).toBeNull();
    expect(s.sources).toBe(0);
    expect(await t.db.subjectFact.count()).toBe(0);
  });

  it('when nothing kills it, then the model is there with its fact', async () => {
    const { signal, out } = await runChild(t.url, 'facts', 'none');
    expect(signal, out).toBeNull();
    const s = await state();
    expect(s.subject?.organizations).toHaveLength(1);
    expect(await t.db.subjectFact.findMany({ where: { subjectId: s.subject!.id }, select: { kind: true, value: true } })).toEqual([{ kind: 'parameters', value: 7e9 }]);
  });
});

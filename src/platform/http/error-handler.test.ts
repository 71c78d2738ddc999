import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { errorHandler } from './error-handler.ts';

/** The error SQLite itself raises on a file that is no longer a database. */
function notADatabaseError(): unknown {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-junk-')), 'junk.db');
  fs.writeFileSync(file, Buffer.alloc(64 * 1024, 'junk'));
  const db = new Database(file);
  try {
    db.prepare('SELECT 1 FROM "ContentVersion"').get();
  } catch (err) {
    return err;
  } finally {
    db.close();
  }
  throw new Error('a junk file was read as a database');
}

describe('error answers for a database file overwritten under the server', () => {
  it('when a query meets a file that is not a database, then the answer is 503 with Retry-After, not 500', async () => {
    const err = notADatabaseError();
    const app = express();
    app.get('/api/x', () => {
      throw err;
    });
    app.use(errorHandler(createLogger('silent')));
    const res = await request(app).get('/api/x');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error.code).toBe('service_unavailable');
  });
});

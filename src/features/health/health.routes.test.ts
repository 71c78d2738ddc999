import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db.ts';
import { healthRoutes } from './health.routes.ts';

// The database is replaced by the smallest object the route uses, to make it fail or hang on
// purpose; the real database is exercised in test/integration/pages.test.ts.
function appWith(query: () => Promise<unknown>, timeoutMs = 200) {
  const db = { $queryRawUnsafe: query } as unknown as Db;
  return express().use(healthRoutes({ db, timeoutMs }));
}

describe('GET /healthz', () => {
  it('when the database refuses, then it answers 503 and says the database is down', async () => {
    const res = await request(appWith(() => Promise.reject(new Error('connection refused')))).get('/healthz').expect(503);
    expect(res.body).toEqual({ status: 'unavailable', database: 'down' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when the database hangs, then it answers 503 once the timeout passes instead of waiting', async () => {
    const res = await request(appWith(() => new Promise(() => {}), 50)).get('/healthz').expect(503);
    expect(res.body.database).toBe('down');
  });

  it('when the database answers, then it answers 200', async () => {
    await request(appWith(() => Promise.resolve([{ 1: 1 }]))).get('/healthz').expect(200);
  });
});

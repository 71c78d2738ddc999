// Load generation: autocannon in its own process, reporting as JSON.
import path from 'node:path';
import { projectRoot } from '../src/platform/paths.ts';
import { runToEnd } from './children.ts';

export interface LoadOptions {
  connections: number;
  /** Seconds of load. */
  duration: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  /** Mean requests per second over the measured run. */
  rps: number;
  /** Latency percentiles, milliseconds. */
  p50: number;
  p99: number;
  requests: number;
  /** Count per HTTP status, plus connection errors and timeouts. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Mean bytes per second received. */
  throughput: number;
}

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}

const AUTOCANNON = path.join(projectRoot, 'node_modules', 'autocannon', 'autocannon.js');

function cannonOnce(url: string, connections: number, duration: number, headers: Record<string, string>): Promise<string> {
  const h = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  return runToEnd([AUTOCANNON, '-j', '-n', '-c', String(connections), '-d', String(duration), ...h, url]);
}

export async function load(url: string, opts: LoadOptions): Promise<LoadResult> {
  const r = JSON.parse(await cannonOnce(url, opts.connections, opts.duration, opts.headers ?? {})) as AutocannonJson;
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    statuses,
    errors: r.errors,
    timeouts: r.timeouts,
    throughput: r.throughput.average,
  };
}

// Where webhooks may go. A receiver is named by an administrator but reached by the server, so
// an address inside the server's own networks (loopback, private, link-local such as the cloud
// metadata service, CGNAT, IPv4-mapped IPv6, …) is refused: at registration for literal
// addresses, and at delivery for the address a name actually resolves to (a custom lookup, so a
// name cannot pass the check and then resolve elsewhere). WEBHOOK_ALLOW_PRIVATE=true lifts this
// for self-hosted receivers.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import type { FetchLike } from './webhooks.service.ts';

export class RefusedTargetError extends Error {
  override name = 'RefusedTargetError';
}

export const REFUSED_TARGET =
  'This address is inside a private, loopback or link-local network. Webhooks go to public addresses only (an administrator of the server can allow internal receivers with WEBHOOK_ALLOW_PRIVATE=true).';

/** The special range an IP address belongs to ("loopback", "private", …), or null for a public unicast address. */
export function internalRange(ip: string): string | null {
  if (!net.isIP(ip)) return 'not an address';
  const range = ipaddr.parse(ip).range();
  return range === 'unicast' ? null : range;
}

/**
 * Why a typed URL cannot be a webhook target, judged without DNS: names for this machine and
 * literal internal addresses in any spelling (the URL parser turns 2130706433, 0177.0.0.1 and
 * 0x7f.1 into 127.0.0.1 before this sees them).
 */
export function literalTargetProblem(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return REFUSED_TARGET;
  if (net.isIP(host) && internalRange(host)) return REFUSED_TARGET;
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** dns.lookup, refusing the connection when any address the name resolves to is internal. */
function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as dns.LookupAddress[];
    if (list.length === 0 || list.some((a) => internalRange(a.address))) return callback(new RefusedTargetError(REFUSED_TARGET), []);
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

/**
 * POSTs with node:http(s): no redirects followed, the answer's body discarded, and unless
 * `allowPrivate`, only to public addresses (checked on the resolved address, at connect time).
 */
export function webhookFetch(allowPrivate: boolean): FetchLike {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const problem = allowPrivate ? null : literalTargetProblem(target);
      if (problem) return reject(new RefusedTargetError(problem));
      const client = target.protocol === 'https:' ? https : http;
      const req = client.request(
        target,
        {
          method: init.method,
          headers: { ...init.headers, 'Content-Length': String(Buffer.byteLength(init.body)) },
          signal: init.signal,
          ...(allowPrivate ? {} : { lookup: publicOnlyLookup as unknown as net.LookupFunction }),
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, body: null });
        },
      );
      req.on('error', reject);
      req.end(init.body);
    });
}

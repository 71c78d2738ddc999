// oEmbed (https://oembed.com): a page of Timeline that can be embedded (the home page with its
// filters, an organization, a subject, an /embed address) answers with the iframe of its /embed.
import type { Db } from '../../platform/db.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import * as repo from './site.repo.ts';

export interface OEmbed {
  version: '1.0';
  type: 'rich';
  provider_name: 'Timeline';
  provider_url: string;
  title: string;
  html: string;
  width: number;
  height: number;
}

const WIDTH = 600;
const HEIGHT = 480;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function dimension(raw: unknown, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(n) || n < 100 || n > 4000) {
    throw new ValidationError(`"${name}" is a whole number of pixels from 100 to 4000.`, { [name]: 'Give a whole number from 100 to 4000.' });
  }
  return Math.min(n, fallback);
}

/** `base` is the site's absolute address (PUBLIC_URL, or the request's origin). */
export async function oembedFor(db: Db, base: string, q: Record<string, unknown>): Promise<OEmbed> {
  if (typeof q.url !== 'string' || q.url === '') throw new ValidationError('Give the address of a Timeline page as "url".', { url: 'Required.' });
  let page: URL;
  try {
    page = new URL(q.url, base);
  } catch {
    throw new ValidationError('"url" is not an address.', { url: 'Not an address.' });
  }
  if (page.origin !== new URL(base).origin) throw new NotFoundError('Only pages of this Timeline can be embedded.');
  const prefix = new URL(base).pathname.replace(/\/$/, '');
  const path = page.pathname.startsWith(prefix) ? page.pathname.slice(prefix.length) || '/' : page.pathname;

  const params = new URLSearchParams();
  let title = 'AI industry timeline';
  const one = path.match(/^\/(organizations|subjects)\/([^/]+)$/);
  if (path === '/' || path === '/embed') {
    for (const [k, v] of page.searchParams) if (k !== 'cursor' && v !== '') params.append(k, v);
  } else if (one && SLUG.test(one[2]!)) {
    const kind = one[1] === 'organizations' ? 'organization' : 'subject';
    const name = await repo.nameOf(db, kind, one[2]!);
    if (!name) throw new NotFoundError(`No ${kind} "${one[2]}".`);
    params.set(kind, one[2]!);
    title = `Timeline: ${name}`;
  } else {
    throw new NotFoundError('This page cannot be embedded: embed the timeline, an organization or a subject.');
  }
  const width = dimension(q.maxwidth, WIDTH, 'maxwidth');
  const height = dimension(q.maxheight, HEIGHT, 'maxheight');
  const query = params.toString();
  const src = `${base}/embed${query ? `?${query}` : ''}`;
  return {
    version: '1.0',
    type: 'rich',
    provider_name: 'Timeline',
    provider_url: `${base}/`,
    title,
    html: `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="${width}" height="${height}" loading="lazy"></iframe>`,
    width,
    height,
  };
}

import type { Request, RequestHandler } from 'express';

/** What a page handler answers: the template, its model, and the status when it is not 200. */
export interface Page {
  status?: number;
  view: string;
  model: Record<string, unknown>;
  /** Answer with a redirect there instead (status: 301 unless given). */
  redirect?: string;
}

/** One page function per page: reads the request, returns the page; rendering happens here. */
export function page(build: (req: Request) => Promise<Page> | Page): RequestHandler {
  return async (req, res) => {
    const p = await build(req);
    if (p.redirect) return res.redirect(p.status ?? 301, p.redirect);
    res.status(p.status ?? 200).render(p.view, p.model);
  };
}

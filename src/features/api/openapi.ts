// The OpenAPI 3.1 document, generated from the endpoint list and the response schemas.
import { z } from 'zod';
import { endpoints } from './api.endpoints.ts';
import { ErrorOut, registry } from './api.schema.ts';

const REF = '#/components/schemas/';

function componentSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `${REF}${id}`, io: 'output' });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

/** "/events/{slug}" -> "EventsSlugResponse" */
function responseId(path: string): string {
  const words = path.split(/[^a-zA-Z]+/).filter(Boolean);
  return `${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}Response`;
}

/** Built once per process: it changes only with the code. */
let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  cached ??= build();
  return cached;
}

function build(): Record<string, unknown> {
  const errorRef = { $ref: `${REF}${registry.get(ErrorOut)!.id}` };
  for (const e of endpoints) if (!registry.has(e.response)) registry.add(e.response, { id: responseId(e.path) });
  const paths: Record<string, unknown> = {};
  for (const e of endpoints) {
    const schema = { $ref: `${REF}${registry.get(e.response)!.id}` };
    paths[`/api/v1${e.path}`] = {
      get: {
        summary: e.summary,
        parameters: e.params.map((p) => ({
          name: p.name,
          in: p.in,
          required: p.in === 'path',
          description: p.description,
          schema: ((item) => (p.many ? { type: 'array', items: item } : item))(p.values ? { type: 'string', enum: [...p.values] } : { type: 'string' }),
          ...(p.many ? { style: 'form', explode: true } : {}),
          ...(p.example ? { example: p.example } : {}),
        })),
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema } } },
          '400': { description: 'A parameter is not valid', content: { 'application/json': { schema: errorRef } } },
          '404': { description: 'No such record', content: { 'application/json': { schema: errorRef } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Timeline API',
      version: '1',
      description:
        'Read-only JSON over the sourced record of the AI industry: events, claims (milestones), organizations, subjects and sources. The whole data set, with its licence, is also published as files at /downloads (JSON, one CSV per entity, TimelineJS).',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: componentSchemas() },
  };
}

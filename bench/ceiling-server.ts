// `node --import tsx bench/ceiling-server.ts`: plain node:http answering every request with the
// bytes and headers of a response the app gave ($CEILING_RESPONSE: JSON { headers, bodyBase64 }).
import fs from 'node:fs';
import http from 'node:http';

const file = process.env.CEILING_RESPONSE;
if (!file) throw new Error('CEILING_RESPONSE is not set');
const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { headers: Record<string, string>; bodyBase64: string };
const body = Buffer.from(saved.bodyBase64, 'base64');
const headers = { ...saved.headers, 'content-length': String(body.length) };

const server = http.createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

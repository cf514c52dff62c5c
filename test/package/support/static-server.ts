// A static file server on loopback for the pages the browser tests load.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** A tiny static file server on a free loopback port. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

/**
 * Serves `routes`: URL prefix → directory, or exact path → literal content. Only GETs of files under the
 * mapped directories; anything else is a 404.
 */
export async function serveStatic(
  routes: Readonly<Record<string, string | { readonly body: string; readonly type: string }>>,
): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    for (const [prefix, target] of Object.entries(routes)) {
      if (typeof target !== 'string') {
        if (path !== prefix) continue;
        response.writeHead(200, { 'content-type': target.type });
        response.end(target.body);
        return;
      }
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(target, path.slice(prefix.length)));
      if (!file.startsWith(normalize(target) + sep) || !existsSync(file)) break;
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
      return;
    }
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

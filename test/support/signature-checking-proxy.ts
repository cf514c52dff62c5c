// A proxy in front of the Prism mock that checks every request signature independently: Prism only checks
// that the signature headers are present. The digest is recomputed with node:crypto from the exact URL and
// body that arrived; a request whose digest does not match is answered with a 401 and never forwarded.
import { createHmac } from 'node:crypto';
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SignatureCheckingProxy {
  readonly url: string;
  /** How many signed requests arrived with a digest that matched. */
  readonly verified: () => number;
  /** The requests whose digest did not match (their paths). */
  readonly mismatches: () => readonly string[];
  close(): Promise<void>;
}

export async function startSignatureCheckingProxy(target: string, apiSecret: string): Promise<SignatureCheckingProxy> {
  let verified = 0;
  const mismatches: string[] = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const digest = req.headers.digest;
      if (digest !== undefined) {
        const url = `http://${req.headers.host}${req.url}`;
        const text = body.toString('utf8');
        const message = `${req.headers['x-request-expires']}:${encodeURIComponent(decodeURIComponent(url)).toLowerCase()}${text ? `:${text}` : ''}`;
        if (digest !== `SHA-256=${createHmac('sha256', apiSecret).update(message).digest('base64')}`) {
          mismatches.push(`${req.method} ${req.url}`);
          res.writeHead(401, { 'content-type': 'application/json' });
          return void res.end(JSON.stringify({ ErrorCode: 1, Description: 'The request signature does not match the request.' }));
        }
        verified++;
      }
      const out = forward(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    verified: () => verified,
    mismatches: () => mismatches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

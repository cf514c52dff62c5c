/**
 * The `User-Agent` the client sends by default: the package and the runtime it runs on
 * (`loginradius-client/0.1.0 node/20.11.1`), so LoginRadius support and the app's own logs can tell which
 * client made a call. Browsers are left alone: they send their own, and a custom one would add a CORS
 * preflight to every call.
 */
import { PACKAGE_VERSION } from '../../generated/package-version';

interface RuntimeGlobals {
  readonly Deno?: { readonly version?: { readonly deno?: string } };
  readonly Bun?: { readonly version?: string };
  readonly process?: { readonly versions?: { readonly node?: string } };
  readonly navigator?: { readonly userAgent?: string };
}

/** `deno/2.1.4`, `bun/1.1.30`, `node/20.11.1`, `workerd`, or `undefined` in a browser (or anything unknown). */
export function runtimeName(g: RuntimeGlobals = globalThis as RuntimeGlobals): string | undefined {
  // Deno and Bun also report a Node version for compatibility, so they are asked first.
  const deno = g.Deno?.version?.deno;
  if (deno) return `deno/${deno}`;
  const bun = g.Bun?.version;
  if (bun) return `bun/${bun}`;
  const node = g.process?.versions?.node;
  if (node) return `node/${node}`;
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  return undefined;
}

/** The default `User-Agent`, or `undefined` where the client should not set one. */
export function defaultUserAgent(g?: RuntimeGlobals): string | undefined {
  const runtime = runtimeName(g);
  return runtime === undefined ? undefined : `loginradius-client/${PACKAGE_VERSION} ${runtime}`;
}

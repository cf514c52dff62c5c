/**
 * Per-call cost: the same read of one profile, made by every contender against the local server.
 * Runs in its own process (forked by run.ts, with --expose-gc) and prints its results as JSON on the IPC
 * channel, so that nothing else in the benchmark run shares its heap or its CPU clock.
 */
import http from 'node:http';
import { createClient, getAccountProfileByUid, getProfileByAccessToken, type Transport } from '../src/index';
import { createNodeTransport } from '../src/node/index';
import { measureRounds, type CallCost, type Contender } from './measure';
import { loadOfficialSdk, redirectSdkTo } from './official-sdk';
import { PROFILE, startServerProcess } from './server';

const API_KEY = '3f7a1c2e-5b8d-4e9f-a0b1-c2d3e4f5a6b7';
const API_SECRET = '9e8d7c6b-5a4f-4e3d-b2c1-a0f9e8d7c6b5';
const ACCESS_TOKEN = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const UID = PROFILE.Uid;

/** Which operation a contender performs; ratios compare contenders of the same kind. */
export type CallKind = 'secret' | 'token' | 'signing';

/** A contender's timing plus the kind of call it made. */
export interface PerCallCost extends CallCost {
  readonly kind: CallKind;
}

/** Per-call settings; run.ts passes smaller ones for a quick run. */
export interface PerCallSettings {
  readonly rounds: number;
  readonly callsPerRound: number;
  readonly warmupCalls: number;
}

/** Builds every contender against `origin`. The caller must call `restore()` afterwards. */
export function perCallContenders(origin: string): { contenders: (Contender & { kind: CallKind })[]; restore: () => void } {
  const secretUrl = `${origin}/identity/v2/manage/account/${UID}?apikey=${API_KEY}`;
  const secretHeaders = { Accept: 'application/json', 'X-LoginRadius-ApiSecret': API_SECRET };
  const tokenUrl = `${origin}/identity/v2/auth/account?apikey=${API_KEY}`;
  const tokenHeaders = { Accept: 'application/json', Authorization: `Bearer ${ACCESS_TOKEN}` };
  const agent = new http.Agent({ keepAlive: true });

  const base = { apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: origin };
  const client = createClient(base);
  const signingClient = createClient({ ...base, requestSigning: true });
  const nodeTransport = createNodeTransport();
  const transportClient = createClient({ ...base, transport: createNodeTransport() });
  const transportSigningClient = createClient({ ...base, requestSigning: true, transport: createNodeTransport() });

  const restore = redirectSdkTo(origin);
  const sdk = loadOfficialSdk({ apiKey: API_KEY, apiSecret: API_SECRET });
  const signingSdk = loadOfficialSdk({ apiKey: API_KEY, apiSecret: API_SECRET, apiRequestSigning: true });

  const contenders: (Contender & { kind: CallKind })[] = [
    {
      kind: 'secret',
      id: 'node-http',
      label: 'node:http + keep-alive agent (floor)',
      call: () => nodeHttpGet(agent, secretUrl, secretHeaders),
    },
    { kind: 'secret', id: 'fetch', label: 'built-in fetch, same URL + headers', call: () => fetchJson(secretUrl, secretHeaders) },
    {
      kind: 'secret',
      id: 'node-transport',
      label: 'createNodeTransport() alone, same URL + headers',
      call: () => transportJson(nodeTransport, secretUrl, secretHeaders),
    },
    { kind: 'secret', id: 'sdk', label: 'official SDK 11.7.0', call: () => sdk.accountApi.getAccountProfileByUid(UID) },
    {
      kind: 'secret',
      id: 'client',
      label: 'this client (built-in fetch)',
      call: () => getAccountProfileByUid(client, { path: { uid: UID } }),
    },
    {
      kind: 'secret',
      id: 'client-transport',
      label: 'this client + createNodeTransport()',
      call: () => getAccountProfileByUid(transportClient, { path: { uid: UID } }),
    },
    { kind: 'token', id: 'fetch-token', label: 'built-in fetch, same URL + headers', call: () => fetchJson(tokenUrl, tokenHeaders) },
    {
      kind: 'token',
      id: 'sdk-token',
      label: 'official SDK 11.7.0',
      call: () => sdk.authenticationApi.getProfileByAccessToken(ACCESS_TOKEN),
    },
    {
      kind: 'token',
      id: 'client-token',
      label: 'this client (built-in fetch)',
      call: () => getProfileByAccessToken(client, { accessToken: ACCESS_TOKEN }),
    },
    {
      kind: 'token',
      id: 'client-transport-token',
      label: 'this client + createNodeTransport()',
      call: () => getProfileByAccessToken(transportClient, { accessToken: ACCESS_TOKEN }),
    },
    {
      kind: 'signing',
      id: 'sdk-signing',
      label: 'official SDK 11.7.0, apiRequestSigning',
      call: () => signingSdk.accountApi.getAccountProfileByUid(UID),
    },
    {
      kind: 'signing',
      id: 'client-signing',
      label: 'this client (built-in fetch), requestSigning',
      call: () => getAccountProfileByUid(signingClient, { path: { uid: UID } }),
    },
    {
      kind: 'signing',
      id: 'client-transport-signing',
      label: 'this client + createNodeTransport(), requestSigning',
      call: () => getAccountProfileByUid(transportSigningClient, { path: { uid: UID } }),
    },
  ];
  return { contenders, restore };
}

async function fetchJson(url: string, headers: Record<string, string>, fetchImpl: typeof fetch = fetch): Promise<unknown> {
  const response = await fetchImpl(url, { headers });
  return JSON.parse(await response.text());
}

// One signal for every call: the client makes one per call (its timeout), which this row leaves out.
const NEVER_ABORTED = new AbortController().signal;

async function transportJson(transport: Transport, url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await transport({
    method: 'GET',
    url,
    headers,
    body: undefined,
    signal: NEVER_ABORTED,
    maxResponseBytes: 8 * 1024 * 1024,
  });
  return JSON.parse(response.text);
}

function nodeHttpGet(agent: http.Agent, url: string, headers: Record<string, string>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text)));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Checks that every contender gets the profile back, so no one is timed failing fast. */
async function checkContenders(contenders: readonly Contender[]): Promise<void> {
  for (const contender of contenders) {
    const data = (await contender.call()) as { Uid?: unknown };
    if (data?.Uid !== UID) throw new Error(`${contender.id} did not return the profile: ${JSON.stringify(data)}`);
  }
}

/** Runs the whole per-call benchmark against a fresh server process. */
export async function runPerCall(settings: PerCallSettings, log: (line: string) => void = () => undefined): Promise<PerCallCost[]> {
  const server = await startServerProcess();
  const { contenders, restore } = perCallContenders(server.origin);
  try {
    await checkContenders(contenders);
    const costs = await measureRounds(contenders, {
      ...settings,
      onRound: (round) => log(`  per-call: round ${round} of ${settings.rounds} done`),
    });
    return costs.map((cost, i) => ({ ...cost, kind: contenders[i]!.kind }));
  } finally {
    restore();
    server.stop();
  }
}

if (require.main === module) {
  const settings = JSON.parse(process.argv[2] ?? '{"rounds":3,"callsPerRound":1000,"warmupCalls":300}') as PerCallSettings;
  void runPerCall(settings, (line) => console.error(line)).then(
    (results) => {
      if (process.send) process.send(results);
      else console.log(JSON.stringify(results, null, 2));
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

// The Node transport behind a fetch-like call shape, for the wire-level tests.
import { createNodeTransport, type NodeTransportOptions } from '../../src/node/index';

interface SendInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly signal?: AbortSignal;
  readonly maxResponseBytes?: number;
}

/** What came back, read in full: the part of an answer both transports share. */
interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export type Send = (url: string, init?: SendInit) => Promise<Answer>;

/** Each Node transport by name, as a factory taking the transport's options. */
export const SENDERS: readonly (readonly [string, (options?: NodeTransportOptions) => Send])[] = [
  [
    'createNodeTransport',
    (options) => {
      const transport = createNodeTransport(options);
      return (url, { method = 'GET', headers = {}, body, signal = new AbortController().signal, maxResponseBytes = 1024 * 1024 } = {}) =>
        transport({ method, url, headers, body, signal, maxResponseBytes });
    },
  ],
];

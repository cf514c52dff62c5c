// A fetch that records every request and answers with a fixed JSON body: for checking what the client sends.
export interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string;
}

export function capturingFetch(answer: { status?: number; body?: unknown } = {}): { fetch: typeof fetch; requests: CapturedRequest[] } {
  const requests: CapturedRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push({ method: request.method, url: request.url, headers: request.headers, body: await request.text() });
    return new Response(JSON.stringify(answer.body ?? { IsPosted: true }), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetchImpl as typeof fetch, requests };
}

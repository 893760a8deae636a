import type { ListeningSandbox } from '@gigapay/sandbox';

export type Json = Record<string, unknown>;

/** A call to the sandbox's API as its default account, for seeding: the answer's JSON (`{}` for a 204), or a thrown error. */
export async function api(sandbox: ListeningSandbox, method: string, path: string, body?: Json): Promise<Json> {
  const response = await fetch(new URL(path, sandbox.url), {
    method,
    headers: { Authorization: `Token ${sandbox.token}`, 'Integration-ID': sandbox.integrationId, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`seeding: ${method} ${path} → ${response.status} ${text}`);
  return (text === '' ? {} : JSON.parse(text)) as Json;
}

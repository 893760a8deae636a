/**
 * A server (or a proxy) may put the token in `Location`, raw or percent-encoded: the RedirectError
 * names the Location, so it must name it redacted, in every form an error is shown.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createGigapayClient, RedirectError } from '../src/index.js';
import { BASE, recordingFetch } from './helpers.js';

// Characters that percent-encoding changes, so that raw and encoded forms differ.
const TOKEN = 'tok+en/with=ch@rs:ü9f3a';
const forms = {
  raw: TOKEN,
  encodeURIComponent: encodeURIComponent(TOKEN),
  'lower-case escapes': encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
  'every character escaped': [...new TextEncoder().encode(TOKEN)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''),
  'in the Authorization form': encodeURIComponent(`Token ${TOKEN}`),
};

const shown = (error: unknown) => [String(error), (error as Error).stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 }), (error as RedirectError).location ?? ''];

describe('RedirectError and a token in Location', () => {
  for (const [form, text] of Object.entries(forms)) {
    for (const location of [`${BASE}/payouts/?token=${text}`, `/login/${text}/`, `https://evil.example/${text}#${text}`, `http://[${text}`]) {
      it(`redacts the token (${form}) from ${location.slice(0, 30)}…`, async () => {
        const { fetch } = recordingFetch(() => new Response(null, { status: 302, headers: { Location: location } }));
        const client = createGigapayClient({ token: TOKEN, fetch, maxRetries: 0 });
        const error = await client.GET('/payouts/').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedirectError);
        for (const view of shown(error)) {
          for (const leaked of Object.values(forms)) expect(view.toLowerCase()).not.toContain(leaked.toLowerCase());
          expect(decodeURIComponent(view.replace(/%(?![0-9a-f]{2})/gi, '%25'))).not.toContain(TOKEN);
        }
        expect((error as RedirectError).location).toContain('[redacted]');
        expect((error as Error).message).toContain('[redacted]');
      });
    }
  }

  it('names a Location that is not a URL as such', async () => {
    const { fetch } = recordingFetch(() => new Response(null, { status: 302, headers: { Location: 'http://[::1' } }));
    const error = (await createGigapayClient({ token: TOKEN, fetch }).GET('/payouts/').catch((e: unknown) => e)) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.location).toBe('http://[::1');
    expect(error.message).toContain('not a URL');
  });

  it('leaves a Location without the token as it was', async () => {
    const { fetch } = recordingFetch(() => new Response(null, { status: 307, headers: { Location: `${BASE}/payouts/` } }));
    const client = createGigapayClient({ token: TOKEN, fetch });
    const error = (await client.GET('/payouts' as '/payouts/').catch((e: unknown) => e)) as RedirectError;
    expect(error.location).toBe(`${BASE}/payouts/`);
    expect(error.message).toContain('trailing slash');
  });

  it('names the cause: plain http, a missing trailing slash, or neither, and 300 is a redirect too', async () => {
    const cases: [number, string, string, string][] = [
      [301, 'http://api.demo.gigapay.com/v2/', 'https://api.demo.gigapay.com/v2/payouts/', 'plain http: use the https:// base URL'],
      [307, 'http://127.0.0.1:4010/v2/', 'http://127.0.0.1:4010/v2/payouts/', 'missing trailing slash: every Gigapay path ends with "/"'],
      [302, `${BASE}/`, `${BASE}/elsewhere/`, 'unexpected redirect'],
      [300, `${BASE}/`, `${BASE}/elsewhere/`, 'unexpected redirect'],
    ];
    for (const [status, server, location, cause] of cases) {
      const { fetch } = recordingFetch(() => new Response(null, { status, headers: { Location: location } }));
      const error = (await createGigapayClient({ token: TOKEN, fetch, server }).GET('/payouts' as '/payouts/').catch((e: unknown) => e)) as RedirectError;
      expect(error).toBeInstanceOf(RedirectError);
      expect(error.message).toBe(
        `GET ${server}payouts was redirected (${status}) to ${location}: ${cause}. Not followed, as many HTTP stacks drop the Authorization header on the way.`,
      );
    }
  });

  it("explains a browser's opaque redirect, whose target it hides", async () => {
    const opaque = { status: 0, ok: false, type: 'opaqueredirect', headers: new Headers(), body: null } as unknown as Response;
    const { fetch } = recordingFetch(() => opaque);
    const error = (await createGigapayClient({ token: TOKEN, fetch }).GET('/payouts/').catch((e: unknown) => e)) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.location).toBeUndefined();
    expect(error.message).toBe(
      `GET ${BASE}/payouts/ was redirected (0) to a hidden location: a browser hides the target of manual redirects. Not followed, as many HTTP stacks drop the Authorization header on the way.`,
    );
  });
});

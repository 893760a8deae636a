/**
 * Webhooks of both scopes (Gigapay §Webhooks): one whose events are all `Registration.*` belongs
 * to the account and needs no `Integration-ID`; one with any integration-scoped event needs it
 * (`403` without, the spec's decision). A list with the header shows both kinds, without it only
 * the account's; lookups by id find a webhook in the scope the request sees.
 */
import { describe, expect, it } from 'vitest';
import { accountApi, startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();

const bare = accountApi(sandbox);

const ids = (page: { results: { id: string }[] }) => page.results.map((webhook) => webhook.id).sort();

describe('webhooks of the account and of an integration', () => {
  it('a Registration-only webhook needs no Integration-ID; one with an integration event is refused without it (403) and nothing is stored', async () => {
    const userScoped = await bare('POST', 'webhooks/', { id: 'account-hook', url: 'https://example.com/account', events: ['Registration.verified'] });
    expect(userScoped.status).toBe(201);
    expect(userScoped.body).toMatchObject({ id: 'account-hook', events: ['Registration.verified'], metadata: {} });
    const before = sandbox.control.snapshot();
    const refused = await bare('POST', 'webhooks/', { url: 'https://example.com/mixed', events: ['Registration.verified', 'Payout.created'] });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/Integration-ID/);
    expect(sandbox.control.snapshot()).toBe(before);
    const scoped = await call('POST', 'webhooks/', { id: 'integration-hook', url: 'https://example.com/integration', events: ['Payrun.paid', 'Registration.verified'] });
    expect(scoped.status).toBe(201);
  });

  it('refuses an unknown or retired event name (400 on events)', async () => {
    for (const name of ['Invoice.paid', 'Payout.misspelt']) {
      const refused = await call('POST', 'webhooks/', { url: 'https://example.com/x', events: [name] });
      expect(refused.status, name).toBe(400);
      expect(Object.keys(refused.body), name).toContain('events');
    }
  });

  it('lists both kinds with Integration-ID, only the account’s without it', async () => {
    expect(ids((await call('GET', 'webhooks/')).body)).toEqual(['account-hook', 'integration-hook']);
    expect(ids((await bare('GET', 'webhooks/')).body)).toEqual(['account-hook']);
  });

  it('retrieves, updates and deletes in the scope the request sees', async () => {
    expect((await bare('GET', 'webhooks/account-hook/')).status).toBe(200);
    expect((await call('GET', 'webhooks/account-hook/')).status).toBe(200);
    expect((await bare('GET', 'webhooks/integration-hook/')).status).toBe(404);
    expect((await call('GET', 'webhooks/integration-hook/')).body.url).toBe('https://example.com/integration');
    expect((await bare('PATCH', 'webhooks/account-hook/', { metadata: { team: 'ops' } })).body.metadata).toEqual({ team: 'ops' });
    expect((await bare('DELETE', 'webhooks/integration-hook/')).status).toBe(404);
  });

  it('ids are unique across what a request sees: an integration webhook cannot take an account webhook’s id', async () => {
    const taken = await call('POST', 'webhooks/', { id: 'account-hook', url: 'https://example.com/y', events: ['Payout.created'] });
    expect(taken.status).toBe(400);
    expect(taken.body.id[0]).toMatch(/already exists/);
  });

  it('a change of events that changes the scope moves the webhook (and needs Integration-ID to move it into an integration)', async () => {
    const before = sandbox.control.snapshot();
    const refused = await bare('PATCH', 'webhooks/account-hook/', { events: ['Employee.created'] });
    expect(refused.status).toBe(403);
    expect(sandbox.control.snapshot()).toBe(before);

    const moved = await call('PUT', 'webhooks/account-hook/', { url: 'https://example.com/account', events: ['Employee.created'] });
    expect(moved.status).toBe(200);
    expect((await bare('GET', 'webhooks/account-hook/')).status).toBe(404);
    expect(ids((await call('GET', 'webhooks/')).body)).toContain('account-hook');
    const back = await call('PATCH', 'webhooks/account-hook/', { id: 'renamed-hook', events: ['Registration.verified'] });
    expect(back.body).toMatchObject({ id: 'renamed-hook', events: ['Registration.verified'] });
    expect(ids((await bare('GET', 'webhooks/')).body)).toEqual(['renamed-hook']);
    expect((await bare('DELETE', 'webhooks/renamed-hook/')).status).toBe(204);
    expect((await bare('GET', 'webhooks/')).body.count).toBe(0);
  });

  it('two accounts may use the same id for their own account webhooks', async () => {
    const other = sandbox.control.createAccount();
    const theirs = await fetch(new URL('webhooks/', sandbox.url), {
      method: 'POST',
      headers: { authorization: `Token ${other.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'shared-id', url: 'https://example.com/theirs', events: ['Registration.verified'] }),
    });
    expect(theirs.status).toBe(201);
    expect((await bare('POST', 'webhooks/', { id: 'shared-id', url: 'https://example.com/mine', events: ['Registration.verified'] })).status).toBe(201);
    expect((await bare('GET', 'webhooks/shared-id/')).body.url).toBe('https://example.com/mine');
    expect(sandbox.violations).toEqual([]);
  });
});

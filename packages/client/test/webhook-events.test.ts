/**
 * Receiving deliveries as Gigapay sends them in 2.0: `Gigapay-Event` names the event,
 * `Gigapay-Integration-Id` the integration, the body is the object. Typed and narrowed by name;
 * an event this version does not know goes to the fallback, or is ignored, never a throw.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmployeeEvent, PayoutEvent, PayrunEvent, RegistrationEvent } from '@gigapay/types';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Expand } from '../src/types.js';
import {
  constructWebhookEvent,
  receiveWebhook,
  signWebhookPayload,
  WebhookSignatureError,
  type KnownWebhookEvent,
  type WebhookEvent,
} from '../src/webhooks.js';
import { employee, payout } from './helpers.js';

const secret = 'whsec_3f1c0a';
const t = 1_764_000_000;
const payrun = { id: 'pr1', app: 'https://app.gigapay.com/i/pr1', created_at: '2025-11-24T10:00:00Z', paid_at: '2025-11-24T11:00:00Z', open: false };

/** A signed delivery of `body`, with Gigapay's headers (as a `Headers`). */
async function delivery(event: string | undefined, body: unknown, integrationId: string | null = 'integration-1') {
  const payload = JSON.stringify(body);
  const headers = new Headers({ 'Content-Type': 'application/json', 'Gigapay-Signature': await signWebhookPayload({ payload, secret, timestamp: t }) });
  if (event) headers.set('Gigapay-Event', event);
  if (integrationId) headers.set('Gigapay-Integration-Id', integrationId);
  return { payload, headers, secret, now: t };
}

describe('constructWebhookEvent', () => {
  it('knows the 11 events of the spec, no more, no fewer', async () => {
    const spec = JSON.parse(readFileSync(new URL('../../../spec/dist/openapi.json', import.meta.url), 'utf8'));
    const names = Object.keys(spec.webhooks);
    expect(names).toHaveLength(11);
    for (const name of names) expect((await constructWebhookEvent(await delivery(name, {}))).known, name).toBe(true);
  });

  it('reads Gigapay-Event and Gigapay-Integration-Id, and parses the object', async () => {
    const received = await constructWebhookEvent(await delivery('Payrun.paid', payrun, '123'));
    expect(received).toEqual({ known: true, event: 'Payrun.paid', integrationId: '123', payload: payrun, timestamp: t });
    if (received.known && received.event === 'Payrun.paid') expectTypeOf(received.payload).toEqualTypeOf<Expand<PayrunEvent>>();
    if (received.known && received.event === 'Registration.verified') expectTypeOf(received.payload).toEqualTypeOf<RegistrationEvent>();
    if (!received.known) {
      expectTypeOf(received.event).toEqualTypeOf<string>();
      expectTypeOf(received.payload).toBeUnknown();
    }
  });

  it("reads Node's req.headers (lower-case, plain object) as well as a Headers", async () => {
    const { headers, ...rest } = await delivery('Registration.verified', { id: 'r1' }, null);
    const nodeHeaders: IncomingHttpHeaders = Object.fromEntries(headers);
    const received = await constructWebhookEvent({ ...rest, headers: nodeHeaders });
    // A user-scoped delivery (no Gigapay-Integration-Id) has no integration.
    expect(received).toMatchObject({ known: true, event: 'Registration.verified', integrationId: undefined, payload: { id: 'r1' } });
  });

  it('takes the event of a delivery without Gigapay-Event from `event`, and refuses one with neither', async () => {
    expect(await constructWebhookEvent({ ...(await delivery(undefined, payout('p1'))), event: 'Payout.accepted' })).toMatchObject({
      known: true,
      event: 'Payout.accepted',
    });
    // Gigapay-Event wins over the route's guess.
    expect(await constructWebhookEvent({ ...(await delivery('Payout.canceled', payout('p1'))), event: 'Payout.accepted' })).toMatchObject({
      event: 'Payout.canceled',
    });
    const refused = await constructWebhookEvent(await delivery(undefined, payout('p1'))).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WebhookSignatureError);
    expect(refused).toMatchObject({ reason: 'missing_event' });
  });

  it('gives a 1.x name (Invoice.paid, a delivery retried from before the rename) as its 2.0 name', async () => {
    expect(await constructWebhookEvent(await delivery('Invoice.paid', payrun))).toMatchObject({ known: true, event: 'Payrun.paid' });
  });

  it('verifies before anything else: a changed body is refused, its handler never called', async () => {
    const genuine = await delivery('Payout.accepted', payout('p1'));
    const handler = vi.fn();
    const refused = receiveWebhook({ ...genuine, payload: genuine.payload.replace('100.00', '900.00'), handlers: { 'Payout.accepted': handler } });
    await expect(refused).rejects.toMatchObject({ reason: 'no_matching_signature' });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('receiveWebhook', () => {
  it('calls the handler of the event, with its object typed by the key', async () => {
    const seen: string[] = [];
    const handlers = {
      'Payrun.paid': (paid: Expand<PayrunEvent>, event: KnownWebhookEvent<'Payrun.paid'>) => void seen.push(`paid ${paid.id} for ${event.integrationId}`),
      'Payout.canceled': (canceled: Expand<PayoutEvent>) => void seen.push(`canceled ${canceled.id}`),
      'Registration.verified': (registration: RegistrationEvent) => void seen.push(`verified ${registration.id}`),
      'Employee.claimed': async (claimed: EmployeeEvent) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(`claimed ${claimed.id}`);
      },
    };
    await receiveWebhook({ ...(await delivery('Payrun.paid', payrun)), handlers });
    await receiveWebhook({ ...(await delivery('Payout.canceled', payout('p1'))), handlers });
    await receiveWebhook({ ...(await delivery('Registration.verified', { id: 'r1' }, null)), handlers });
    // Resolves once an async handler is done.
    await receiveWebhook({ ...(await delivery('Employee.claimed', employee('e1'))), handlers });
    expect(seen).toEqual(['paid pr1 for integration-1', 'canceled p1', 'verified r1', 'claimed e1']);

    // Inferred per key, without annotations.
    await receiveWebhook({
      ...(await delivery('Payout.accepted', payout('p1'))),
      handlers: {
        'Payout.accepted': (accepted) => expectTypeOf(accepted.payrun).toEqualTypeOf<string | undefined>(),
        'Registration.verified': (registration, event) => {
          expectTypeOf(registration).toEqualTypeOf<RegistrationEvent>();
          expectTypeOf(event.event).toEqualTypeOf<'Registration.verified'>();
        },
      },
    });
  });

  it("gives an event Gigapay adds tomorrow to the fallback (typed as another string), or ignores it: never a throw", async () => {
    const fallback = vi.fn((event: WebhookEvent) => {
      if (!event.known) expectTypeOf(event.payload).toBeUnknown();
    });
    const handler = vi.fn();
    const later = await delivery('Payout.reversed', payout('p1', { latest_status: 'reversed' }));
    const received = await receiveWebhook({ ...later, handlers: { 'Payout.created': handler }, fallback });
    expect(received).toMatchObject({ known: false, event: 'Payout.reversed', integrationId: 'integration-1' });
    expect(fallback).toHaveBeenCalledWith(received);
    // A known event without a handler goes to the fallback too.
    await receiveWebhook({ ...(await delivery('Payout.notified', payout('p1'))), handlers: { 'Payout.created': handler }, fallback });
    expect(fallback.mock.calls.map(([event]) => event.event)).toEqual(['Payout.reversed', 'Payout.notified']);
    // No fallback: resolved and ignored.
    await expect(receiveWebhook({ ...later, handlers: {} })).resolves.toMatchObject({ known: false });
    expect(handler).not.toHaveBeenCalled();
  });

  it('receives a real delivery on a node:http server (raw body, req.headers)', async () => {
    const paid: string[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        receiveWebhook({
          payload: Buffer.concat(chunks),
          headers: request.headers,
          secret,
          now: t,
          handlers: { 'Payrun.paid': (p) => void paid.push(p.id) },
          fallback: (event) => void paid.push(`fallback ${event.event}`),
        }).then(
          () => response.writeHead(204).end(),
          (error: WebhookSignatureError) => response.writeHead(400).end(error.reason),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gigapay/`;
      const { payload, headers } = await delivery('Payrun.paid', payrun, '123');
      expect((await fetch(url, { method: 'POST', headers, body: payload })).status).toBe(204);
      expect(paid).toEqual(['pr1']);
      // An event Gigapay adds tomorrow: answered 204 like any other, through the fallback.
      const later = await delivery('Payout.reversed', payout('p1', { latest_status: 'reversed' }));
      expect((await fetch(url, { method: 'POST', headers: later.headers, body: later.payload })).status).toBe(204);
      expect(paid).toEqual(['pr1', 'fallback Payout.reversed']);
      const forged = await fetch(url, { method: 'POST', headers, body: payload.replace('pr1', 'pr2') });
      expect([forged.status, await forged.text()]).toEqual([400, 'no_matching_signature']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

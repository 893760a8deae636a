/**
 * Lifecycle and test controls under `/_sandbox/`, outside the API: what Gigapay and the employee
 * would do in real life, plus the clock, fault injection and the webhook delivery log. They take
 * no token (the sandbox listens on loopback only); `Integration-ID` picks the integration and
 * defaults to the ready default one.
 */
import { Hono, type Context } from 'hono';
import { formatTimestamp } from './clock.js';
import { ApiError } from './errors.js';
import type { SandboxCore } from './core.js';
import type { FaultConfig } from './faults.js';
import { serializeEmployee, serializeInvoice, serializePayout } from './serialize.js';

export function controlRoutes(core: SandboxCore): Hono {
  const control = new Hono({ strict: false });

  control.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.body as object, error.status as 400);
    return c.json({ detail: error instanceof Error ? error.message : String(error) }, 400);
  });

  const integration = (c: Context) => {
    const id = c.req.header('integration-id') ?? core.defaultCredentials.integrationId;
    const found = core.integrations.get(id);
    if (!found) throw new ApiError(404, { detail: `No integration "${id}" in this sandbox.` });
    return found;
  };

  const jsonBody = async (c: Context): Promise<Record<string, unknown>> => {
    const text = await c.req.text();
    if (!text.trim()) return {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new ApiError(400, { detail: 'Expected a JSON object body.' });
  };

  control.get('/', (c) =>
    c.json({
      ...core.defaultCredentials,
      now: formatTimestamp(core.clock.peekMicros()),
      controls: [
        'POST /_sandbox/invoices/{id}/pay',
        'POST /_sandbox/employees/{id}/notify | claim | verify',
        'POST /_sandbox/payouts/{id}/accept',
        'GET /_sandbox/clock',
        'POST /_sandbox/clock/advance {"seconds"|"minutes"|"hours"|"days"|"milliseconds": n}',
        'GET | PUT /_sandbox/faults',
        'GET | DELETE /_sandbox/webhook-deliveries (?event=&webhook=&wait=true)',
        'POST /_sandbox/accounts',
        'POST /_sandbox/reset',
      ],
    }),
  );

  control.post('/invoices/:id/pay', (c) => {
    const target = integration(c);
    return c.json(serializeInvoice(core.payInvoice(target, c.req.param('id')), target.data));
  });

  for (const step of ['notify', 'claim', 'verify'] as const) {
    control.post(`/employees/:id/${step}`, (c) => c.json(serializeEmployee(core.advanceEmployee(integration(c), c.req.param('id'), step))));
  }

  control.post('/payouts/:id/accept', (c) => {
    const target = integration(c);
    return c.json(serializePayout(core.acceptPayout(target, c.req.param('id')), target.data));
  });

  const clockState = () => ({ now: formatTimestamp(core.clock.peekMicros()), offset_ms: core.clock.offsetMilliseconds });
  control.get('/clock', (c) => c.json(clockState()));
  control.post('/clock/advance', async (c) => {
    const body = await jsonBody(c);
    const units = { milliseconds: 1, seconds: 1e3, minutes: 6e4, hours: 3.6e6, days: 8.64e7 } as const;
    let ms = 0;
    for (const [unit, factor] of Object.entries(units)) {
      const value = body[unit];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !(value >= 0)) throw new ApiError(400, { detail: `${unit} must be a non-negative number.` });
      ms += value * factor;
    }
    core.clock.advance(ms);
    return c.json(clockState());
  });

  control.get('/faults', (c) => c.json({ config: core.faults.current, injected: core.faults.injected }));
  control.put('/faults', async (c) => {
    core.configureFaults((await jsonBody(c)) as FaultConfig);
    return c.json({ config: core.faults.current, injected: core.faults.injected });
  });

  control.get('/webhook-deliveries', async (c) => {
    if (c.req.query('wait') === 'true') await core.deliverer.settle();
    const event = c.req.query('event');
    const webhook = c.req.query('webhook');
    const results = core.deliverer.log.filter((d) => (!event || d.event === event) && (!webhook || d.webhookId === webhook));
    return c.json({ count: results.length, results });
  });
  control.delete('/webhook-deliveries', (c) => {
    core.deliverer.log.length = 0;
    return c.body(null, 204);
  });

  control.post('/accounts', async (c) => {
    const { allowed_ips } = await jsonBody(c);
    if (allowed_ips !== undefined && !(Array.isArray(allowed_ips) && allowed_ips.every((ip) => typeof ip === 'string'))) {
      throw new ApiError(400, { detail: 'allowed_ips must be a list of IP addresses.' });
    }
    return c.json(core.createAccount({ allowedIps: allowed_ips as string[] | undefined }), 201);
  });
  control.post('/reset', (c) => {
    core.reset();
    return c.json(core.defaultCredentials);
  });

  control.all('*', (c) => c.json({ detail: 'Not found.' }, 404));
  return control;
}

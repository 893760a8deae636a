import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../src/internal/faults.js';
import { employeeBody, startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();

describe('fault injection', () => {
  it('is deterministic: the same seed gives the same faults', () => {
    const draw = () => {
      const faults = new FaultInjector({ seed: 42, dropRate: 0.1, errorRate: 0.2, rateLimitRate: 0.2, latencyMs: [0, 50] });
      return Array.from({ length: 200 }, () => faults.decide('listPayouts'));
    };
    const first = draw();
    expect(draw()).toEqual(first);
    const kinds = new Set(first.map((d) => d.kind));
    expect(kinds).toEqual(new Set(['none', 'drop', 'error', 'rateLimit']));
    expect(new FaultInjector({ seed: 43, errorRate: 0.5 }).decide('x')).toBeDefined();
  });

  it('drops the connection after the write committed; an idempotent retry gets the stored response', async () => {
    sandbox.control.setFaults({ queue: ['drop'], operations: ['createEmployee'] });
    const body = employeeBody();
    await expect(call('POST', 'employees/', body, { 'idempotency-key': 'drop-1' })).rejects.toThrow(/fetch failed/);
    // The write happened although the client saw a network error…
    expect((await call('GET', `employees/?search=${encodeURIComponent(body.email)}`)).body.count).toBe(1);
    // …and the retry with the same key replays it instead of registering a second employee.
    const retry = await call('POST', 'employees/', body, { 'idempotency-key': 'drop-1' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await call('GET', `employees/?search=${encodeURIComponent(body.email)}`)).body.count).toBe(1);
  });

  it('answers 500 and 429 with Retry-After before doing anything', async () => {
    sandbox.control.setFaults({ queue: ['error', 'rateLimit'], retryAfterSeconds: 7 });
    // Everything but the fault injector itself, which consumes its queue and logs what it injected.
    const objects = () => ({ ...JSON.parse(sandbox.control.snapshot()), faults: undefined });
    const before = objects();
    const error = await call('POST', 'employees/', employeeBody());
    expect(error.status).toBe(500);
    expect(error.headers.get('sandbox-fault')).toBe('error');
    const limited = await call('POST', 'employees/', employeeBody());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(objects()).toEqual(before);
    expect((await call('GET', 'employees/')).status).toBe(200);
  });

  it('adds latency, and is configurable over HTTP', async () => {
    const put = await fetch(`${sandbox.origin}/_sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 120, operations: ['listWebhooks'] }) });
    expect(put.status).toBe(200);
    const started = Date.now();
    expect((await call('GET', 'webhooks/')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    const state = await fetch(`${sandbox.origin}/_sandbox/faults`).then((r) => r.json());
    expect(state.injected).toEqual([{ n: 1, operationId: 'listWebhooks', kind: 'none', latencyMs: 120 }]);
    const invalid = await fetch(`${sandbox.origin}/_sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorRate: 2 }) });
    expect(invalid.status).toBe(400);
    sandbox.control.setFaults({});
  });
});

import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { EmployeeEvent, PayrunEvent } from '@gigapay/types';
import type { Expand } from '../src/types.js';
import {
  parseWebhook,
  signWebhookPayload,
  verifyWebhookSignature,
  WebhookSignatureError,
  type WebhookSignatureFailure,
} from '../src/webhooks.js';
import { hmacKey } from '../src/internal/hmac.js';
import { employee, payout } from './helpers.js';

const secret = 'whsec_3f1c0a';
const t = 1_651_226_400; // 2022-04-29T10:00:00Z
const body = JSON.stringify(payout('p1', { accepted_at: '2022-04-29T10:00:00.000000Z' }));

/** The reason a verification fails with, or 'accepted'. */
async function outcome(options: Parameters<typeof verifyWebhookSignature>[0]): Promise<WebhookSignatureFailure | 'accepted'> {
  try {
    await verifyWebhookSignature(options);
    return 'accepted';
  } catch (error) {
    if (error instanceof WebhookSignatureError) return error.reason;
    throw error;
  }
}

const nodeHmac = (key: string, timestamp: number | string, payload: string | Uint8Array) =>
  createHmac('sha256', key).update(`${timestamp}.`).update(payload).digest('hex');

describe('signWebhookPayload', () => {
  it('is HMAC-SHA256 over t, ".", raw body, in lowercase hex (checked against node:crypto)', async () => {
    const header = await signWebhookPayload({ payload: body, secret, timestamp: t });
    expect(header).toBe(`t=${t},v1=${nodeHmac(secret, t, body)}`);
  });
});

describe('verifyWebhookSignature', () => {
  const now = new Date(t * 1000);

  it('accepts a genuine delivery, as text or bytes, and returns its timestamp', async () => {
    const header = await signWebhookPayload({ payload: body, secret, timestamp: t });
    await expect(verifyWebhookSignature({ payload: body, header, secret, now })).resolves.toEqual({ timestamp: t });
    const bytes = new TextEncoder().encode(body);
    await expect(verifyWebhookSignature({ payload: bytes, header, secret, now })).resolves.toEqual({ timestamp: t });
    await expect(verifyWebhookSignature({ payload: bytes.buffer, header, secret, now: t })).resolves.toEqual({ timestamp: t });
  });

  it('accepts any of several v1 entries (key rotation), ignores other schemes and spaces', async () => {
    const good = nodeHmac(secret, t, body);
    const header = `t=${t}, v0=abc, v1=${nodeHmac('old-secret', t, body)}, v1=${good}`;
    expect(await outcome({ payload: body, header, secret, now })).toBe('accepted');
  });

  it('rejects a timestamp outside the tolerance in both directions, with the default of 300 s', async () => {
    const header = await signWebhookPayload({ payload: body, secret, timestamp: t });
    expect(await outcome({ payload: body, header, secret, now: t + 300 })).toBe('accepted');
    expect(await outcome({ payload: body, header, secret, now: t - 300 })).toBe('accepted');
    expect(await outcome({ payload: body, header, secret, now: t + 301 })).toBe('timestamp_outside_tolerance');
    expect(await outcome({ payload: body, header, secret, now: t - 301 })).toBe('timestamp_outside_tolerance');
    expect(await outcome({ payload: body, header, secret, now: t + 3600, toleranceSeconds: 7200 })).toBe('accepted');
    await expect(verifyWebhookSignature({ payload: body, header, secret, now: t + 400 })).rejects.toThrow('400 s old');
    await expect(verifyWebhookSignature({ payload: body, header, secret, now: t - 400 })).rejects.toThrow('in the future');
  });

  it('diagnoses missing and malformed headers', async () => {
    const v1 = nodeHmac(secret, t, body);
    const cases: [string | undefined, WebhookSignatureFailure][] = [
      [undefined, 'missing_header'],
      ['', 'missing_header'],
      [`v1=${v1}`, 'malformed_header'],
      [`t=${t}`, 'malformed_header'],
      [`t=${t},v1=${v1.slice(1)}`, 'malformed_header'],
      [`t=${t},v1=${v1}zz`, 'malformed_header'],
      [`t=abc,v1=${v1}`, 'malformed_header'],
      [`t=-${t},v1=${v1}`, 'malformed_header'],
      [`t=${t},t=${t},v1=${v1}`, 'malformed_header'],
      [`t=${t};v1=${v1}`, 'malformed_header'],
      ['garbage', 'malformed_header'],
    ];
    for (const [header, reason] of cases) expect(await outcome({ payload: body, header, secret, now })).toBe(reason);
  });

  it('says when the body was re-serialised', async () => {
    // A server that writes Python's json.dumps (", " and ": ", non-ASCII escaped) signs these bytes:
    const raw = '{"id": "e1", "name": "\\u00c5sa \\u00d6berg", "metadata": {}}';
    const header = `t=${t},v1=${nodeHmac(secret, t, raw)}`;
    expect(await outcome({ payload: raw, header, secret, now })).toBe('accepted');
    // …and a receiver that parsed it and serialised it again verifies other bytes.
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(await outcome({ payload: reserialised, header, secret, now, diagnose: true })).toBe('body_reserialized');
    // Not by default: it would cost every forged signature three more HMACs (see webhooks.bench.ts).
    const plain = await verifyWebhookSignature({ payload: reserialised, header, secret, now }).catch((e: unknown) => e);
    expect(plain).toMatchObject({ reason: 'no_matching_signature', message: expect.stringContaining('diagnose: true tells if it was re-serialised') });
    // A parsed object is never the raw body.
    expect(await outcome({ payload: JSON.parse(raw), header, secret, now })).toBe('body_reserialized');
    // A wrong secret is not blamed on the body.
    expect(await outcome({ payload: raw, header, secret: 'wrong', now, diagnose: true })).toBe('no_matching_signature');
  });

  it('gives a verdict for a header that is not a string (an array of two, a number), not a crash', async () => {
    const signed = await signWebhookPayload({ payload: body, secret, timestamp: t });
    for (const header of [[signed, signed], 1651226400, { t }, true]) {
      const error = await verifyWebhookSignature({ payload: body, header: header as never, secret, now }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookSignatureError);
      expect(error).toMatchObject({ reason: 'malformed_header', message: expect.stringContaining('one string') });
    }
  });

  it('refuses an empty secret with the TypeError whatever the header (checked first)', async () => {
    for (const header of [undefined, '', 'garbage', `t=${t},v1=${'0'.repeat(64)}`, [] as never]) {
      for (const empty of ['', undefined as unknown as string, 42 as unknown as string]) {
        const error = await verifyWebhookSignature({ payload: body, header, secret: empty, now }).catch((e: unknown) => e);
        expect(error, String(header)).toBeInstanceOf(TypeError);
        expect((error as Error).message).toContain('secret is empty');
      }
    }
  });

  it('caches imported keys per secret', async () => {
    expect(hmacKey('cached')).toBe(hmacKey('cached'));
    expect(hmacKey('cached')).not.toBe(hmacKey('other'));
    const header = await signWebhookPayload({ payload: body, secret: 'cached', timestamp: t });
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome({ payload: body, header, secret: 'cached', now })));
    expect(new Set(results)).toEqual(new Set(['accepted']));
  });

  it('does not keep a key whose import failed', async () => {
    const spy = vi.spyOn(crypto.subtle, 'importKey').mockRejectedValueOnce(new Error('engine busy'));
    try {
      const header = await signWebhookPayload({ payload: body, secret: 'flaky', timestamp: t }).catch((e: unknown) => e);
      expect((header as Error).message).toBe('engine busy');
      const retried = await signWebhookPayload({ payload: body, secret: 'flaky', timestamp: t });
      expect(retried).toBe(`t=${t},v1=${nodeHmac('flaky', t, body)}`);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses an empty (or unset) secret with a TypeError that says so', async () => {
    const header = await signWebhookPayload({ payload: body, secret, timestamp: t });
    for (const empty of ['', undefined as unknown as string]) {
      const error = await verifyWebhookSignature({ payload: body, header, secret: empty, now }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toContain('secret is empty');
      await expect(signWebhookPayload({ payload: body, secret: empty })).rejects.toThrow(TypeError);
    }
  });

  it('refuses a NaN tolerance or an invalid now, instead of accepting any timestamp', async () => {
    const header = await signWebhookPayload({ payload: body, secret, timestamp: t });
    const misconfigured = [
      { toleranceSeconds: Number.NaN },
      { toleranceSeconds: Number('300s') },
      { toleranceSeconds: -1 },
      { now: new Date('not a date') },
      { now: Number.NaN },
      { now: Number.POSITIVE_INFINITY },
    ];
    for (const options of misconfigured) {
      const error = await verifyWebhookSignature({ payload: body, header, secret, now: t + 10 ** 9, ...options }).catch((e: unknown) => e);
      expect(error, JSON.stringify(options)).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/`now` must be a valid time, `toleranceSeconds` a number >= 0/);
    }
    // Infinity is a deliberate "no limit".
    expect(await outcome({ payload: body, header, secret, now: t + 10 ** 9, toleranceSeconds: Infinity })).toBe('accepted');
  });

  it('takes only the bytes of a view, not the rest of its buffer', async () => {
    const header = await signWebhookPayload({ payload: body, secret, timestamp: t });
    const bytes = new TextEncoder().encode(body);
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    const views = [
      padded.subarray(8, 8 + bytes.length),
      new DataView(padded.buffer, 8, bytes.length),
      Buffer.from(body), // from Node's shared pool: a view into a larger buffer
    ];
    for (const payload of views) {
      expect(await outcome({ payload, header, secret, now })).toBe('accepted');
      await expect(parseWebhook({ payload, header, secret, now, event: 'Payout.created' })).resolves.toMatchObject({ id: 'p1' });
    }
    expect(await signWebhookPayload({ payload: views[1]!, secret, timestamp: t })).toBe(header);
  });
});

describe('verifyWebhookSignature, one by one', () => {
  const now = t;
  const v1 = nodeHmac(secret, t, body);
  const message = (options: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
    verifyWebhookSignature({ payload: body, header: `t=${t},v1=${v1}`, secret, now, ...options }).then(
      () => 'accepted',
      (error: WebhookSignatureError) => `${error.name} ${error.reason}: ${error.message}`,
    );

  it('says what is wrong, in words', async () => {
    expect(await message({ header: undefined })).toBe('WebhookSignatureError missing_header: no Gigapay-Signature header');
    expect(await message({ header: 'x' })).toBe('WebhookSignatureError malformed_header: Gigapay-Signature must read t=<unix seconds>,v1=<64 hex digits>');
    expect(await message({ header: [] })).toBe('WebhookSignatureError malformed_header: Gigapay-Signature must be one string');
    expect(await message({ payload: {} as never })).toBe('WebhookSignatureError body_reserialized: payload must be the raw body (string or bytes), not a parsed object');
    expect(await message({ now: t + 400 })).toBe('WebhookSignatureError timestamp_outside_tolerance: t is 400 s old, beyond the 300 s tolerance: a replay, or a clock off');
    expect(await message({ now: t - 400 })).toBe('WebhookSignatureError timestamp_outside_tolerance: t is 400 s in the future, beyond the 300 s tolerance: a replay, or a clock off');
    expect(await message({ secret: 'other' })).toBe(
      'WebhookSignatureError no_matching_signature: no v1 matches: check the secret_key, and pass the raw body as received (diagnose: true tells if it was re-serialised)',
    );
    expect(await message({ secret: 'other', diagnose: true })).toBe(
      'WebhookSignatureError no_matching_signature: no v1 matches: check the secret_key, and pass the raw body as received',
    );
    const raw = '{"a": 1}';
    const header = `t=${t},v1=${nodeHmac(secret, t, raw)}`;
    expect(await message({ payload: '{"a":1}', header, diagnose: true })).toBe(
      'WebhookSignatureError body_reserialized: the body was re-serialised after parsing: verify the raw body as received',
    );
  });

  it('makes its verdicts without a stack trace, and leaves Error.stackTraceLimit as it was', async () => {
    const before = Error.stackTraceLimit;
    const error = (await verifyWebhookSignature({ payload: body, header: 'x', secret, now }).catch((e: unknown) => e)) as Error;
    expect(error.stack).not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('after').stack).toMatch(/\n\s+at /);
  });

  it('accepts a tolerance of 0 at the very second, and spaces around values', async () => {
    expect(await message({ toleranceSeconds: 0 })).toBe('accepted');
    expect(await message({ toleranceSeconds: 0, now: t + 1 })).toMatch(/timestamp_outside_tolerance/);
    expect(await message({ header: `t= ${t} ,v1= ${v1} ` })).toBe('accepted');
    expect(await message({ header: `t=${t},v1=${v1},=ignored,v2=` })).toBe('accepted');
  });

  it('takes only well-formed values: t all digits, v1 exactly 64 hex digits, other schemes ignored', async () => {
    for (const header of [`t=${t}x,v1=${v1}`, `t=x${t},v1=${v1}`, `t=${t},v1=zz${v1}`, `t=${t},v0=${v1}`, `t=${t},v1=${v1},junk`]) {
      expect(await message({ header }), header).toMatch(/malformed_header/);
    }
  });

  it('with diagnose, recognises each server-side form of the same JSON, and a payload that is no JSON', async () => {
    const object = { id: 'e1', name: 'Åsa', nested: { deeper: { list: [1, 2] } } };
    const indent = (text: string) => text.replace(/,\n */g, ', ').replace(/\n */g, '');
    const ascii = (text: string) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const pythonForms = {
      'json.dumps': ascii(indent(JSON.stringify(object, null, 1))),
      'json.dumps, ensure_ascii=False': indent(JSON.stringify(object, null, 1)),
      'compact, ensure_ascii': ascii(JSON.stringify(object)),
    };
    for (const [form, raw] of Object.entries(pythonForms)) {
      const header = `t=${t},v1=${nodeHmac(secret, t, raw)}`;
      expect(await message({ payload: raw, header }), form).toBe('accepted');
      expect(await message({ payload: JSON.stringify(object), header, diagnose: true }), form).toMatch(/body_reserialized/);
    }
    expect(pythonForms['json.dumps']).toContain('"nested": {"deeper": {"list": [1, 2]}}');
    expect(await message({ payload: 'not json', secret: 'other', diagnose: true })).toMatch(/no_matching_signature/);
  });
});

describe('signWebhookPayload and the key cache', () => {
  it('stamps the current time by default', async () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(t * 1000 + 999);
      expect(await signWebhookPayload({ payload: body, secret })).toBe(`t=${t},v1=${nodeHmac(secret, t, body)}`);
    } finally {
      vi.useRealTimers();
    }
  });

  it('imports keys that cannot be extracted, and keeps at most 32 of them', async () => {
    expect((await hmacKey('kept')).extractable).toBe(false);
    // Evictions clear the whole cache; between two of them, 31 other secrets fit beside the probe.
    const evictedAfter = () => {
      const probe = hmacKey('probe');
      for (let n = 1; ; n++) {
        hmacKey(`secret-${Math.random()}`);
        if (hmacKey('probe') !== probe) return n;
      }
    };
    evictedAfter();
    expect(evictedAfter()).toBe(31);
  });
});

describe('verifyWebhookSignature, properties', () => {
  const payloads = fc.string({ unit: 'binary', maxLength: 300 });
  const secrets = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
  const timestamps = fc.integer({ min: 1_000_000_000, max: 4_000_000_000 });
  const within = fc.integer({ min: -300, max: 300 });

  it('accepts every genuine delivery within the tolerance', async () => {
    await fc.assert(
      fc.asyncProperty(payloads, secrets, timestamps, within, async (payload, key, timestamp, skew) => {
        const header = await signWebhookPayload({ payload, secret: key, timestamp });
        expect(await outcome({ payload, header, secret: key, now: timestamp + skew })).toBe('accepted');
      }),
    );
  });

  it('rejects a tampered body', async () => {
    await fc.assert(
      fc.asyncProperty(payloads, payloads, secrets, timestamps, async (payload, other, key, timestamp) => {
        fc.pre(payload !== other);
        const header = await signWebhookPayload({ payload, secret: key, timestamp });
        expect(await outcome({ payload: other, header, secret: key, now: timestamp })).not.toBe('accepted');
      }),
    );
  });

  it('rejects a tampered signature (any hex digit changed)', async () => {
    await fc.assert(
      fc.asyncProperty(payloads, secrets, timestamps, fc.nat(63), fc.nat(14), async (payload, key, timestamp, at, shift) => {
        const header = await signWebhookPayload({ payload, secret: key, timestamp });
        const hex = header.slice(header.indexOf('v1=') + 3);
        const digit = ((parseInt(hex[at]!, 16) + 1 + shift) % 16).toString(16);
        const tampered = `t=${timestamp},v1=${hex.slice(0, at)}${digit}${hex.slice(at + 1)}`;
        expect(await outcome({ payload, header: tampered, secret: key, now: timestamp })).toBe('no_matching_signature');
      }),
    );
  });

  it('rejects a tampered timestamp, even one within the tolerance', async () => {
    await fc.assert(
      fc.asyncProperty(payloads, secrets, timestamps, within, async (payload, key, timestamp, shift) => {
        fc.pre(shift !== 0);
        const header = await signWebhookPayload({ payload, secret: key, timestamp });
        const tampered = header.replace(`t=${timestamp}`, `t=${timestamp + shift}`);
        expect(await outcome({ payload, header: tampered, secret: key, now: timestamp })).not.toBe('accepted');
      }),
    );
  });

  it('rejects skew beyond the tolerance, past or future', async () => {
    const beyond = fc.oneof(fc.integer({ min: 301, max: 10 ** 8 }), fc.integer({ min: -(10 ** 8), max: -301 }));
    await fc.assert(
      fc.asyncProperty(payloads, secrets, timestamps, beyond, async (payload, key, timestamp, skew) => {
        const header = await signWebhookPayload({ payload, secret: key, timestamp });
        expect(await outcome({ payload, header, secret: key, now: timestamp + skew })).toBe('timestamp_outside_tolerance');
      }),
    );
  });

  it('blames a re-serialised body when the signature matches another serialisation of it', async () => {
    // Python's json.dumps: ", " and ": " separators, non-ASCII escaped; an independent implementation.
    const pythonDumps = (value: unknown): string =>
      Array.isArray(value)
        ? `[${value.map(pythonDumps).join(', ')}]`
        : value && typeof value === 'object'
          ? `{${Object.entries(value).map(([k, v]) => `${pythonDumps(k)}: ${pythonDumps(v)}`).join(', ')}}`
          : JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const objects = fc.dictionary(fc.string(), fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.boolean(), fc.constant(null)), {
      minKeys: 1,
    });
    await fc.assert(
      fc.asyncProperty(objects, secrets, timestamps, async (object, key, timestamp) => {
        const raw = pythonDumps(object);
        const reserialised = JSON.stringify(JSON.parse(raw));
        fc.pre(raw !== reserialised);
        const header = await signWebhookPayload({ payload: raw, secret: key, timestamp });
        expect(await outcome({ payload: raw, header, secret: key, now: timestamp })).toBe('accepted');
        expect(await outcome({ payload: reserialised, header, secret: key, now: timestamp, diagnose: true })).toBe('body_reserialized');
      }),
    );
  });

  it('rejects malformed headers (never throws anything but WebhookSignatureError)', async () => {
    const headerish = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(fc.tuple(fc.constantFrom('t', 'v1', 'v0', 'T', ' t', ''), fc.string()), { maxLength: 5 }).map((parts) =>
        parts.map(([key, value]) => `${key}=${value}`).join(','),
      ),
    );
    await fc.assert(
      fc.asyncProperty(payloads, headerish, async (payload, header) => {
        expect(await outcome({ payload, header, secret, now: t })).not.toBe('accepted');
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseWebhook', () => {
  it('verifies, then returns the typed object of the event (expandable fields as ids)', async () => {
    const payload = JSON.stringify(payout('p1'));
    const header = await signWebhookPayload({ payload, secret, timestamp: t });
    const accepted = await parseWebhook({ payload, header, secret, now: t, event: 'Payout.accepted' });
    expect(accepted.id).toBe('p1');
    expectTypeOf(accepted.employee).toEqualTypeOf<string>();
    expectTypeOf(accepted.payrun).toEqualTypeOf<string | undefined>();

    const employeePayload = JSON.stringify(employee('e1'));
    const employeeHeader = await signWebhookPayload({ payload: employeePayload, secret, timestamp: t });
    const verified = await parseWebhook({ payload: employeePayload, header: employeeHeader, secret, now: t, event: 'Employee.verified' });
    expectTypeOf(verified).toEqualTypeOf<EmployeeEvent>();

    type Paid = Awaited<ReturnType<typeof parseWebhook<'Payrun.paid'>>>;
    expectTypeOf<Paid>().toEqualTypeOf<Expand<PayrunEvent>>();
    expectTypeOf<Paid['invoice']>().toEqualTypeOf<string | undefined>();

    const neverCalled = () =>
      // @ts-expect-error: not an event of this API
      parseWebhook({ payload, header, secret, event: 'Payout.paid' });
    expect(neverCalled).toBeTypeOf('function');
  });

  it('does not parse a body whose signature fails', async () => {
    const header = await signWebhookPayload({ payload: body, secret, timestamp: t });
    await expect(parseWebhook({ payload: `${body} `, header, secret, now: t, event: 'Payout.accepted' })).rejects.toBeInstanceOf(
      WebhookSignatureError,
    );
  });
});

// Wraps a fetch so that every exchange is checked against the spec, and keeps the coverage:
// which operations, documented statuses and webhook events the suite has exercised.
import { createExchangeValidator } from '@gigapay/openapi-validator';

type Json = any;

export interface Coverage {
  operations: { covered: number; total: number };
  statuses: { covered: number; total: number };
  events: { covered: number; total: number };
  /** What the spec documents and the suite never saw, e.g. `createPayout 403` or `event Invoice.paid`. */
  missing: string[];
}

/**
 * Statuses documented on every operation but answered before any operation is reached, for a URL
 * that is not the operation's: `301` for plain HTTP, `307` for a misplaced `/`. No call of an
 * operation can see them (the sandbox's own tests check its 307; it serves no HTTPS, so no 301).
 */
const BEFORE_ROUTING = new Set(['301', '307']);

export function createContractRecorder(spec: Json) {
  const validator = createExchangeValidator(spec);
  const statusesSeen = new Map<string, Set<string>>();
  const eventsSeen = new Set<string>();
  const violations: string[] = [];

  /**
   * A fetch that forwards to `inner` and checks the request and the response against the spec.
   * With `invalidRequests`, every request must break the spec (for tests of the 400 path): one
   * that conforms is the violation, so that a test cannot believe it sent garbage when it did not.
   */
  function wrap(inner: typeof fetch, { invalidRequests = false } = {}): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const requestBody = request.body ? await request.clone().text() : undefined;
      const found = validator.match(request.method, url);
      const label = found ? found.operationId : `${request.method} ${url.pathname}`;
      if (!found) violations.push(`${label}: not an operation of the spec`);
      else {
        const problems = validator.checkRequest(found, { method: request.method, url, headers: request.headers, body: requestBody });
        if (!invalidRequests) violations.push(...problems.map((p) => `${label} request: ${p}`));
        else if (problems.length === 0) violations.push(`${label} request: meant to break the spec, but conforms`);
      }
      const response = await inner(request);
      if (found) {
        const body = await response.clone().text();
        const problems = validator.checkResponse(found, { status: response.status, headers: response.headers, body });
        violations.push(...problems.map((p) => `${label} response: ${p}`));
        if (problems.length === 0) {
          const seen = statusesSeen.get(found.operationId) ?? new Set<string>();
          seen.add(String(response.status));
          statusesSeen.set(found.operationId, seen);
        }
      }
      return response;
    };
  }

  /** Checks a notification a receiver got and counts its event as covered when it conforms. */
  function recordWebhook(event: string, headers: Headers, body: string): string[] {
    const problems = validator.checkWebhook(event, headers, body);
    violations.push(...problems.map((p) => `webhook ${event}: ${p}`));
    if (problems.length === 0) eventsSeen.add(event);
    return problems;
  }

  function coverage(): Coverage {
    const missing: string[] = [];
    let operations = 0;
    let coveredOperations = 0;
    let statuses = 0;
    let coveredStatuses = 0;
    for (const item of Object.values<Json>(spec.paths)) {
      for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
        const operation = item[method];
        if (!operation) continue;
        operations++;
        const seen = statusesSeen.get(operation.operationId);
        if (seen) coveredOperations++;
        else missing.push(`operation ${operation.operationId}`);
        for (const status of Object.keys(operation.responses)) {
          if (BEFORE_ROUTING.has(status)) continue;
          statuses++;
          // A range (`5XX`) is covered by any status in it that was seen.
          if (seen?.has(status) || (/^\dXX$/.test(status) && [...(seen ?? [])].some((s) => s[0] === status[0]))) coveredStatuses++;
          else missing.push(`${operation.operationId} ${status}`);
        }
      }
    }
    const events = Object.keys(spec.webhooks ?? {});
    for (const event of events) if (!eventsSeen.has(event)) missing.push(`event ${event}`);
    return {
      operations: { covered: coveredOperations, total: operations },
      statuses: { covered: coveredStatuses, total: statuses },
      events: { covered: events.filter((e) => eventsSeen.has(e)).length, total: events.length },
      missing,
    };
  }

  return { wrap, recordWebhook, coverage, violations, validator };
}

export type ContractRecorder = ReturnType<typeof createContractRecorder>;

// A failure is one line: consumer, Node version, step, and the first error, not a screen of output.
import { describe, expect, it } from 'vitest';
import { ConsumerFailure, sessionFailure } from '../src/consumers.mjs';
import { firstError } from '../src/process.mjs';

describe('the failure line', () => {
  it('names the consumer, the Node version, the step and the error, with no stack', () => {
    const failure = new ConsumerFailure('cjs', '22.23.3', 'session/create client', 'TypeError: x is not a function');
    expect(failure.message).toBe('consumer cjs, Node 22.23.3, step session/create client: TypeError: x is not a function');
    expect(failure.stack).toBe(failure.message);
  });

  it("takes a session's failed step from the error's own line, not the source line Node prints", () => {
    const output = [
      'file:///tmp/consumer/session.js:20',
      '    throw new Error(`step ${name}: ${message}`);',
      '          ^',
      '',
      'Error: step create payout: GigapayError: 500 Internal Server Error',
      '    at step (file:///tmp/consumer/session.js:20:11)',
      '',
      'Node.js v22.23.3',
    ].join('\n');
    expect(sessionFailure(output)).toEqual({ step: 'session/create payout', detail: 'GigapayError: 500 Internal Server Error' });
  });

  it('falls back to the first thrown error when no step is named', () => {
    const output = 'node:internal/modules/esm/assert:88\n        throw new ERR_IMPORT_ATTRIBUTE_MISSING(url, "type", validType);\n\nTypeError [ERR_IMPORT_ATTRIBUTE_MISSING]: Module needs an import attribute of "type: json"\n    at validateAttributes';
    expect(sessionFailure(output)).toEqual({ step: 'session', detail: 'TypeError [ERR_IMPORT_ATTRIBUTE_MISSING]: Module needs an import attribute of "type: json"' });
  });

  it("picks tsc's first error and npm's first error line", () => {
    expect(firstError('snippets/a.ts(4,37): error TS2304: Cannot find name \'gigapay\'.\nsnippets/b.ts(1,1): error TS1000: x')).toBe("snippets/a.ts(4,37): error TS2304: Cannot find name 'gigapay'.");
    expect(firstError('npm error code E404\nnpm error 404 Not Found - GET http://127.0.0.1:4873/@gigapay%2fclient')).toBe(
      'npm error code E404: 404 Not Found - GET http://127.0.0.1:4873/@gigapay%2fclient',
    );
  });
});

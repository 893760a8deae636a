/**
 * `gigapay-sandbox [--port 4010] [--host 127.0.0.1] [--token <t>] [--integration-id <id>]
 *                  [--no-strict] [--fault-seed n] [--drop-rate r] [--error-rate r]
 *                  [--rate-limit-rate r] [--latency-ms n|min-max]`
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './sandbox.js';
import type { FaultConfig } from './internal/faults.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string' },
    'integration-id': { type: 'string' },
    'no-strict': { type: 'boolean', default: false },
    'fault-seed': { type: 'string' },
    'drop-rate': { type: 'string' },
    'error-rate': { type: 'string' },
    'rate-limit-rate': { type: 'string' },
    'latency-ms': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`gigapay-sandbox: a local, stateful Gigapay v2 API checked against its OpenAPI spec

  --port <n>              port to listen on (0 = any free port)      [4010]
  --host <addr>           interface to listen on                      [127.0.0.1]
  --token <t>             API token of the default account            [random]
  --integration-id <id>   id of the default integration               [random UUID]
  --no-strict             log spec-breaking responses instead of answering 500
  --fault-seed <n>        seed of the fault injector                  [1]
  --drop-rate <0..1>      drop the connection after the write committed
  --error-rate <0..1>     answer 500
  --rate-limit-rate <0..1> answer 429 with Retry-After
  --latency-ms <n|a-b>    add latency`);
  process.exit(0);
}

const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const latency = values['latency-ms'];
const faults: FaultConfig = {
  seed: number(values['fault-seed']),
  dropRate: number(values['drop-rate']),
  errorRate: number(values['error-rate']),
  rateLimitRate: number(values['rate-limit-rate']),
  latencyMs: latency === undefined ? undefined : latency.includes('-') ? (latency.split('-').map(Number) as [number, number]) : Number(latency),
};

const sandbox = await startSandbox({
  port: Number(values.port),
  host: values.host,
  token: values.token,
  integrationId: values['integration-id'],
  strict: !values['no-strict'],
  faults,
});

console.log(`Gigapay sandbox listening on ${sandbox.url}

  Authorization:  Token ${sandbox.token}
  Integration-ID: ${sandbox.integrationId}

  curl -H 'Authorization: Token ${sandbox.token}' -H 'Integration-ID: ${sandbox.integrationId}' ${sandbox.url}employees/

Controls (no token needed): ${sandbox.origin}/_sandbox/`);

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/**
 * `gigapay-sandbox [--port 4010] [--host 127.0.0.1] [--token <t>] [--integration-id <id>]
 *                  [--no-strict] [--fault-seed n] [--drop-rate r] [--error-rate r]
 *                  [--rate-limit-rate r] [--latency-ms n|min-max] [--allowed-host h]...
 *                  [--max-body-bytes n] [--max-url-length n] [--max-json-depth n] [--log-size n]
 *                  [--headers-timeout-ms n] [--request-timeout-ms n] [--keep-alive-timeout-ms n]
 *                  [--state file] [--quiet] [--cors <origin>]...`
 * A flag it does not know, or a value it cannot use, prints the usage and exits 2; so does a
 * state file it cannot use (one line, never a silent fresh start).
 */
import { parseArgs } from 'node:util';
import { startSandbox, type SandboxOptions } from './sandbox.js';
import { StateFileError } from './internal/state-file.js';
import { checkFaultConfig, type FaultConfig } from './internal/faults.js';
import { DEFAULT_LOG_SIZE, resolveLogSize } from './internal/bounded-log.js';
import { DEFAULT_LIMITS, resolveLimits } from './internal/limits.js';
import { DEFAULT_TIMEOUTS, resolveTimeouts } from './internal/timeouts.js';
import { deliveryLine, requestLine } from './internal/activity.js';
import { resolveCorsOrigins } from './internal/cors.js';

const USAGE = `gigapay-sandbox: a local, stateful Gigapay v2 API checked against its OpenAPI spec

  --port <n>               port to listen on (0 = any free port)      [4010]
  --host <addr>            interface to listen on                      [127.0.0.1]
  --token <t>              API token of the default account            [random]
  --integration-id <id>    id of the default integration               [random UUID]
  --no-strict              log spec-breaking responses instead of answering 500
  --fault-seed <n>         seed of the fault injector                  [1]
  --drop-rate <0..1>       drop the connection after the write committed
  --error-rate <0..1>      answer 500
  --rate-limit-rate <0..1> answer 429 with Retry-After
  --latency-ms <n|a-b>     add latency
  --allowed-host <name>    also answer this Host (repeatable; loopback names always are)
  --max-body-bytes <n>     larger bodies get 413                        [${DEFAULT_LIMITS.bodyBytes}]
  --max-url-length <n>     longer URLs get 414                          [${DEFAULT_LIMITS.urlLength}]
  --max-json-depth <n>     deeper JSON gets 400                         [${DEFAULT_LIMITS.jsonDepth}]
  --log-size <n>           entries kept per log (deliveries, faults)    [${DEFAULT_LOG_SIZE}]
  --headers-timeout-ms <n> 408 and close if headers take longer         [${DEFAULT_TIMEOUTS.headersMs}]
  --request-timeout-ms <n> 408 and close if a request takes longer      [${DEFAULT_TIMEOUTS.requestMs}]
  --keep-alive-timeout-ms <n>  close a connection idle this long        [${DEFAULT_TIMEOUTS.keepAliveMs}]
  --state <file>           keep state in this file across restarts (created if missing)
  --quiet                  print no line per request and per webhook delivery attempt
  --cors <origin>          let a page on this origin call the API from a browser (repeatable;
                           exact origins, never *; never the /_sandbox/ controls)
  -h, --help               print this`;

class UsageError extends Error {}

/** The flags as `startSandbox` options; a `UsageError` for anything it cannot use. */
function optionsFrom(argv: string[]): SandboxOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
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
        'allowed-host': { type: 'string', multiple: true },
        'max-body-bytes': { type: 'string' },
        'max-url-length': { type: 'string' },
        'max-json-depth': { type: 'string' },
        'log-size': { type: 'string' },
        'headers-timeout-ms': { type: 'string' },
        'request-timeout-ms': { type: 'string' },
        'keep-alive-timeout-ms': { type: 'string' },
        state: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        cors: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';

  const number = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${flag} must be a number, got ${JSON.stringify(text)}`);
    return value;
  };
  const port = number('port', values.port)!;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be an integer from 0 to 65535, got ${values.port}`);
  const latency = values['latency-ms'];
  const faults: FaultConfig = {
    seed: number('fault-seed', values['fault-seed']),
    dropRate: number('drop-rate', values['drop-rate']),
    errorRate: number('error-rate', values['error-rate']),
    rateLimitRate: number('rate-limit-rate', values['rate-limit-rate']),
    latencyMs: latency === undefined ? undefined : /^\d+-\d+$/.test(latency) ? (latency.split('-').map(Number) as [number, number]) : number('latency-ms', latency),
  };
  const limits = {
    bodyBytes: number('max-body-bytes', values['max-body-bytes']),
    urlLength: number('max-url-length', values['max-url-length']),
    jsonDepth: number('max-json-depth', values['max-json-depth']),
  };
  const given = <T extends object>(fields: T) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
  const timeouts = given({
    headersMs: number('headers-timeout-ms', values['headers-timeout-ms']),
    requestMs: number('request-timeout-ms', values['request-timeout-ms']),
    keepAliveMs: number('keep-alive-timeout-ms', values['keep-alive-timeout-ms']),
  });
  const logSize = number('log-size', values['log-size']);
  try {
    checkFaultConfig(faults);
    resolveLimits(given(limits));
    resolveTimeouts(timeouts);
    resolveLogSize(logSize);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    port,
    host: values.host,
    token: values.token,
    integrationId: values['integration-id'],
    strict: !values['no-strict'],
    faults,
    limits: given(limits),
    allowedHosts: values['allowed-host'] ?? [],
    logSize,
    timeouts,
    state: values.state,
    cors: corsOrigins(values.cors),
    ...activityLog(values.quiet),
  };
}

/** `--cors` (repeatable): the origins, each checked to be an exact origin. */
function corsOrigins(given: string[] | undefined): readonly string[] {
  try {
    return resolveCorsOrigins(given);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** One line per request and per webhook delivery attempt on stdout, unless `--quiet`. */
function activityLog(quiet: boolean | undefined): Pick<SandboxOptions, 'onRequest' | 'onDelivery'> {
  if (quiet) return {};
  return {
    onRequest: (entry) => console.log(requestLine(entry)),
    onDelivery: (entry) => console.log(deliveryLine(entry)),
  };
}

let options: SandboxOptions | 'help';
try {
  options = optionsFrom(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`gigapay-sandbox: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options === 'help') {
  console.log(USAGE);
  process.exit(0);
}

const sandbox = await startSandbox(options).catch((error: Error) => {
  if (error instanceof StateFileError) {
    console.error(`gigapay-sandbox: ${error.message}`);
    process.exit(2);
  }
  console.error(`gigapay-sandbox: could not start: ${error.message}`);
  process.exit(1);
});

console.log(`Gigapay sandbox listening on ${sandbox.url}

  Authorization:  Token ${sandbox.token}
  Integration-ID: ${sandbox.integrationId}

  curl -H 'Authorization: Token ${sandbox.token}' -H 'Integration-ID: ${sandbox.integrationId}' ${sandbox.url}employees/

Controls (no token needed; writes as Content-Type: application/json): ${sandbox.origin}/_sandbox/`);
if (options.cors?.length) console.log(`CORS for ${options.cors.join(', ')} (a dev setup: a real Gigapay token never belongs in a browser)`);

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

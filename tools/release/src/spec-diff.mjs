// The spec half of the breaking-change gate: every change between the released spec and the bundled
// one, found by api-smart-diff and classified from the side of a user of the API:
// - major: it breaks code or requests that worked (a removed operation, field or status, a new
//   required request field, a narrowed request type, a response value the released types reject);
// - minor: something new that nobody has to use (an operation, an optional field, a wider request);
// - patch: words only (descriptions, summaries, examples).
import { apiCompare } from 'api-smart-diff';

export const LEVELS = ['none', 'patch', 'minor', 'major'];
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];
const WEBHOOK_PATH = 'webhook ';

/**
 * api-smart-diff knows no OpenAPI 3.1 `webhooks`. A webhook's request body is what Gigapay sends the
 * user, so it is compared as a response: each event becomes a path "webhook <event>" whose POST
 * returns the payload. (A new value in a payload enum then breaks, as it does in a response.)
 */
function withWebhooksAsResponses(spec) {
  const { webhooks = {}, ...rest } = spec;
  const paths = { ...rest.paths };
  for (const [event, item] of Object.entries(webhooks)) {
    const operation = item.post ?? {};
    paths[WEBHOOK_PATH + event] = {
      post: {
        operationId: operation.operationId,
        summary: operation.summary,
        description: operation.description,
        responses: { 200: { description: operation.requestBody?.description ?? event, content: operation.requestBody?.content ?? {} } },
      },
    };
  }
  return { ...rest, paths };
}

/** "POST /payouts/ (createPayout)", "webhook Payout.accepted", or the top-level section. */
function subjectOf(path, before, after) {
  if (path[0] !== 'paths') return path.slice(0, 2).join(' ');
  const [, route, method] = path;
  if (route.startsWith(WEBHOOK_PATH)) return route;
  if (!METHODS.includes(method)) return `path ${route}`;
  const operationId = (after.paths?.[route]?.[method] ?? before.paths?.[route]?.[method])?.operationId;
  return `${method.toUpperCase()} ${route}${operationId ? ` (${operationId})` : ''}`;
}

/** Where inside the operation: "request body field `employee.name`", "response 201", "parameter `expand`". */
function placeOf(path, before, after) {
  const rest = path.slice(3);
  if (rest.length === 0) return '';
  let place;
  if (rest[0] === 'requestBody') place = 'request body';
  else if (rest[0] === 'responses') place = path[1].startsWith(WEBHOOK_PATH) ? 'payload' : `response ${rest[1]}`;
  else if (rest[0] === 'parameters') {
    const parameter = (after.paths?.[path[1]]?.[path[2]] ?? before.paths?.[path[1]]?.[path[2]])?.parameters?.[rest[1]];
    place = parameter ? `${parameter.in} parameter \`${parameter.name}\`` : 'parameters';
  } else place = rest[0];
  const schemaAt = rest.indexOf('schema');
  if (schemaAt < 0) return place;
  const field = [];
  const inSchema = rest.slice(schemaAt + 1);
  for (let i = 0; i < inSchema.length; i++) {
    if (inSchema[i] === 'properties' && i + 1 < inSchema.length) field.push(String(inSchema[++i]));
    else if (inSchema[i] === 'items') field.push('[]');
  }
  const name = field.join('.').replace(/\.\[\]/g, '[]');
  return name ? `${place} field \`${name}\`` : place;
}

const isRequestSide = (path) => path[3] === 'requestBody' || path[3] === 'parameters';
const isResponseSide = (path) => path[3] === 'responses';

/** Why a change of this kind matters to a user, and the bump it needs. */
function judge(diff) {
  const { path, action, type } = diff;
  const tail = path.at(-1);
  const key = typeof tail === 'number' ? path.at(-2) : tail;
  if (path[0] === 'paths' && path.length === 3 && METHODS.includes(path[2])) {
    return action === 'remove'
      ? { level: 'major', why: 'the operation is gone: calls to it fail, and the typed route leaves the client' }
      : { level: 'minor', why: 'a new operation' };
  }
  if (path[0] === 'paths' && path.length === 2) {
    return action === 'remove' ? { level: 'major', why: 'every operation of this path is gone' } : { level: 'minor', why: 'a new path' };
  }
  if (isResponseSide(path) && path.length === 5 && action !== 'rename') {
    if (action === 'remove') return { level: 'major', why: 'a status users handle is no longer sent: their code waits for one that never comes' };
    // A new success status changes what `data` is; a newly documented error adds a case to handle.
    return /^2/.test(String(path[4]))
      ? { level: 'major', why: 'a new success status: the type of the data users get changes' }
      : { level: 'minor', why: 'a newly documented error status' };
  }
  if (isResponseSide(path) && path.at(-2) === 'properties' && action === 'remove') {
    return { level: 'major', why: 'a response field users read is gone: their code gets undefined, and the types drop it' };
  }
  if (isResponseSide(path) && key === 'required' && action === 'remove') {
    return { level: 'major', why: 'a response field that was always present may now be missing' };
  }
  if (isResponseSide(path) && key === 'enum' && action !== 'remove') {
    return { level: 'major', why: 'a response value the released types reject: exhaustive switches and type guards on it break' };
  }
  if (isRequestSide(path) && key === 'required' && action === 'add') {
    return { level: 'major', why: 'a request field is now required: requests that leave it out are refused' };
  }
  if (isRequestSide(path) && key === 'enum' && action === 'remove') {
    return { level: 'major', why: 'a request value accepted before is refused now' };
  }
  if (type === 'breaking') {
    return { level: 'major', why: isRequestSide(path) ? 'the request accepts less than before: requests that worked are refused' : 'code written against the released spec breaks' };
  }
  if (type === 'annotation' || typeof key === 'string' && key.startsWith('x-')) return { level: 'patch', why: 'documentation only' };
  if (type === 'non-breaking' || type === 'deprecated') {
    return { level: 'minor', why: action === 'add' ? 'something new, optional to use' : 'a change no released code depends on' };
  }
  // api-smart-diff could not tell: treat it as visible, not as words only.
  return { level: 'minor', why: 'a change api-smart-diff does not classify' };
}

function changeText(diff) {
  const verb = { add: 'added', remove: 'removed', replace: 'changed', rename: 'renamed' }[diff.action];
  if (diff.path[0] === 'paths' && diff.path.length === 3) return `operation ${verb}`;
  if (diff.path[3] === 'responses' && diff.path.length === 5) return `status ${diff.path[4]} ${verb}`;
  const shown = (value) => (typeof value === 'object' ? JSON.stringify(value) : String(value));
  const key = typeof diff.path.at(-1) === 'number' ? diff.path.at(-2) : diff.path.at(-1);
  const value = diff.action === 'remove' ? diff.before : diff.after;
  if (key === 'enum') return `${diff.action === 'remove' ? 'removed' : 'added'} enum value ${shown(value)}`;
  if (key === 'required') return `\`${shown(value)}\` ${diff.action === 'remove' ? 'no longer required' : 'now required'}`;
  if (key === 'properties' || diff.path.at(-2) === 'properties') return `${diff.action === 'remove' ? 'removed' : 'added'} field \`${diff.path.at(-1)}\``;
  return `${verb} ${key}${diff.action === 'replace' ? `: ${shown(diff.before)} → ${shown(diff.after)}` : ''}`;
}

/**
 * Every change from `released` to `current`, classified: [{ level, subject, place, change, why, path }],
 * most severe first. Component diffs are left out: each shows up again where an operation uses it.
 */
export function classifySpecChanges(released, current) {
  const before = withWebhooksAsResponses(released);
  const after = withWebhooksAsResponses(current);
  const { diffs } = apiCompare(before, after);
  const seen = new Set();
  const changes = [];
  for (const diff of diffs) {
    if (diff.path[0] === 'components') continue;
    const { level, why } = judge(diff);
    const subject = subjectOf(diff.path, before, after);
    const change = { level, subject, place: placeOf(diff.path, before, after), change: changeText(diff), why, path: diff.path.join('/') };
    const id = `${change.subject}|${change.place}|${change.change}`;
    if (seen.has(id)) continue;
    seen.add(id);
    changes.push(change);
  }
  return changes.sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level));
}

/** The bump a list of changes needs: the most severe level among them. */
export const requiredLevel = (changes) => changes.reduce((level, change) => (LEVELS.indexOf(change.level) > LEVELS.indexOf(level) ? change.level : level), 'none');

/** One line per change: "major  POST /payouts/ (createPayout) request body field `x`: now required — why". */
export const describeChange = (change) =>
  `${change.level.padEnd(5)}  ${change.subject}${change.place ? ` ${change.place}` : ''}: ${change.change} (${change.why})`;

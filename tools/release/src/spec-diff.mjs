// The spec half of the breaking-change gate: every change between the released spec and the bundled
// one, found by api-smart-diff and classified from the side of a user of the API:
// - major: it breaks code or requests that worked (a removed operation, field or status, a new
//   required request field, a narrowed request type, a response value the released types reject);
// - minor: something new that nobody has to use (an operation, an optional field, a wider request);
// - patch: words only (descriptions, summaries, examples).
import { apiCompare } from 'api-smart-diff';
import { classifyMoves } from './spec-moves.mjs';

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

/**
 * `{ allOf: [{ $ref }], description }` (how a field adds words to a shared schema) and a bare
 * `{ $ref }` are the same type, but api-smart-diff compares the first as an `allOf` and the second
 * as the referenced schema inline, and calls the switch a breaking change. Inline the single
 * referenced schema under the field's own keywords on both sides, so only real differences remain.
 */
function withSingleAllOfInlined(document) {
  const inline = (node) => {
    if (Array.isArray(node)) return node.map(inline);
    if (!node || typeof node !== 'object') return node;
    const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(value)]));
    const only = Array.isArray(copy.allOf) && copy.allOf.length === 1 ? copy.allOf[0] : undefined;
    if (typeof only?.$ref !== 'string' || Object.keys(only).length !== 1 || !only.$ref.startsWith('#/')) return copy;
    const { allOf, ...own } = copy;
    return { ...resolved(only, document), ...own };
  };
  return inline(document);
}

/**
 * "POST /payouts/ (createPayout)", "webhook Payout.accepted", "tag `Payouts`", "info", or the
 * top-level section. `merged` is api-smart-diff's merged document: its paths and parameter lists
 * are the ones the diff paths index (path-level parameters folded into each operation, `$ref`s
 * resolved), and it keeps what was removed.
 */
function subjectOf(path, merged) {
  if (path[0] === 'tags' && typeof path[1] === 'number') {
    const name = merged.tags?.[path[1]]?.name;
    return name ? `tag \`${name}\`` : 'tags';
  }
  if (path[0] !== 'paths') return path[0];
  const [, route, method] = path;
  if (route.startsWith(WEBHOOK_PATH)) return route;
  if (!METHODS.includes(method)) return `path ${route}`;
  const operationId = merged.paths?.[route]?.[method]?.operationId;
  return `${method.toUpperCase()} ${route}${operationId ? ` (${operationId})` : ''}`;
}

/** A local `$ref` ("#/components/parameters/PathId") looked up in `document`; anything else as it is. */
const resolved = (value, document) =>
  typeof value?.$ref === 'string' && value.$ref.startsWith('#/')
    ? value.$ref.slice(2).split('/').reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document)
    : value;

/**
 * Where inside the operation: "request body field `employee.name`", "response 201", "query parameter
 * `expand`". A parameter added or removed by `$ref` stays an unresolved `$ref` in the merged
 * document: the diff's own side (resolved by the caller) names it.
 */
function placeOf({ path, before, after }, merged) {
  if (path[0] === 'tags') return path.length > 2 ? String(path[2]) : '';
  if (path[0] !== 'paths') return path.slice(1).join('.');
  const rest = path.slice(3);
  if (rest.length === 0) return '';
  let place;
  if (rest[0] === 'requestBody') place = 'request body';
  else if (rest[0] === 'responses') place = path[1].startsWith(WEBHOOK_PATH) ? 'payload' : rest.length > 1 ? `response ${rest[1]}` : 'responses';
  else if (rest[0] === 'parameters' && rest.length > 1) {
    const inMerged = merged.paths?.[path[1]]?.[path[2]]?.parameters?.[rest[1]];
    const parameter = inMerged?.name ? inMerged : (before ?? after);
    place = parameter?.name ? `${parameter.in} parameter \`${parameter.name}\`` : 'a parameter';
  } else place = String(rest[0]);
  const schemaAt = rest.indexOf('schema');
  if (schemaAt < 0) return place;
  const field = [];
  const inSchema = rest.slice(schemaAt + 1);
  for (let i = 0; i < inSchema.length; i++) {
    if (inSchema[i] === 'properties' && i + 1 < inSchema.length) field.push(String(inSchema[++i]));
    else if (inSchema[i] === 'items') field.push('[]');
  }
  const name = field.join('.').replace(/\.\[\]/g, '[]');
  if (name === '[]') return `${place} items`;
  return name ? `${place} field \`${name}\`` : place;
}

const isRequestSide = (path) => path[3] === 'requestBody' || path[3] === 'parameters';
const isResponseSide = (path) => path[3] === 'responses';
const isParameter = (path) => path[3] === 'parameters' && path.length === 5;
const isOperationId = (path) => path[0] === 'paths' && path.length === 4 && path[3] === 'operationId';

// Words for readers, never read by code or by a generator's types: the overview, tags (their
// names and descriptions group the docs), and what is under these keywords, anywhere but where the
// keyword is a schema's field name (`properties/description`).
const DOCUMENTATION_SECTIONS = new Set(['info', 'tags', 'externalDocs']);
const DOCUMENTATION_KEYWORDS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'tags']);
function isDocumentation(path) {
  if (DOCUMENTATION_SECTIONS.has(path[0])) return true;
  return path.some((segment, at) => at > 1 && DOCUMENTATION_KEYWORDS.has(segment) && path[at - 1] !== 'properties');
}

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
  // openapi-typescript keys `operations` by operationId (webhooks' included): a rename is a removal there.
  if (isOperationId(path)) {
    return action === 'add'
      ? { level: 'minor', why: `operations["${diff.after}"] is new in @gigapay/types` }
      : { level: 'major', why: `operations["${diff.before}"] leaves @gigapay/types: code that names it no longer compiles` };
  }
  if (isDocumentation(path)) return { level: 'patch', why: 'documentation only' };
  if (isParameter(path) && action !== 'rename') {
    if (action === 'remove') return { level: 'major', why: 'the request accepts less than before: requests that send it are refused' };
    return diff.after?.required
      ? { level: 'major', why: 'a new required parameter: requests without it are refused' }
      : { level: 'minor', why: 'a new optional parameter' };
  }
  // A parameter's own `required` flag (a boolean, not a list of field names).
  if (isRequestSide(path) && key === 'required' && typeof (diff.after ?? diff.before) === 'boolean') {
    return diff.after === true
      ? { level: 'major', why: 'a parameter is now required: requests that leave it out are refused' }
      : { level: 'minor', why: 'a parameter is no longer required' };
  }
  if (isResponseSide(path) && path.length === 5 && action !== 'rename') {
    if (action === 'remove') return { level: 'major', why: 'a status users handle is no longer sent: their code waits for one that never comes' };
    // A new success status changes what `data` is; a newly documented error adds a case to handle.
    return /^2/.test(String(path[4]))
      ? { level: 'major', why: 'a new success status: the type of the data users get changes' }
      : { level: 'minor', why: 'a newly documented error status' };
  }
  if (isResponseSide(path) && path.at(-2) === 'properties' && action === 'remove') {
    return { level: 'major', why: 'a response field users read is gone: their code no longer finds it, and the types drop it' };
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
  // A field the spec now forbids (`not: {}`), or one taken out of an exact request schema.
  if (isRequestSide(path) && key === 'not' && action === 'add') {
    return { level: 'major', why: 'requests that send it are refused, and typed code that sets it no longer compiles' };
  }
  if (isRequestSide(path) && path.at(-2) === 'properties' && action === 'remove') {
    return { level: 'major', why: 'requests that send it are refused, and typed code that sets it no longer compiles' };
  }
  // A response value whose type changed or widened (a closed set of values made open, one type made
  // several): the released types said less than what now arrives.
  if (isResponseSide(path) && (key === 'type' || ((key === 'anyOf' || key === 'oneOf') && action === 'add'))) {
    return { level: 'major', why: 'the type of a value users read changed: code relying on the released type (an exhaustive switch, a string method) may no longer compile' };
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
  // One line per change, however long the words that changed: whitespace folded, long text cut.
  const shown = (value) => {
    const text = (typeof value === 'object' ? JSON.stringify(value) : String(value)).replace(/\s+/g, ' ').trim();
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
  if (diff.path[0] === 'paths' && diff.path.length === 3) return `operation ${verb}`;
  if (diff.path[3] === 'responses' && diff.path.length === 5) return `status ${diff.path[4]} ${verb}`;
  if (isParameter(diff.path)) return `parameter ${verb}`;
  if (isOperationId(diff.path) && diff.action === 'replace') return `renamed ${diff.before} → ${diff.after}`;
  if (diff.path[0] === 'tags' && diff.path.length === 2) return `tag ${verb}`;
  const key = typeof diff.path.at(-1) === 'number' ? diff.path.at(-2) : diff.path.at(-1);
  const value = diff.action === 'remove' ? diff.before : diff.after;
  if (key === 'enum') return `${diff.action === 'remove' ? 'removed' : 'added'} enum value ${shown(value)}`;
  if (key === 'not' && diff.action === 'add') return `field \`${fieldOf(diff.path)}\` no longer accepted`;
  if (key === 'required' && typeof value === 'boolean') return diff.after === true ? 'now required' : 'no longer required';
  if (key === 'required') return `${[value].flat().map((name) => `\`${name}\``).join(', ')} ${diff.action === 'remove' ? 'no longer required' : 'now required'}`;
  if (key === 'properties' || diff.path.at(-2) === 'properties') return `${diff.action === 'remove' ? 'removed' : 'added'} field \`${diff.path.at(-1)}\``;
  // A keyword with a short value is shown with it ("added `type: object`"), a long one by name.
  const brief = (value) => (typeof value === 'object' ? JSON.stringify(value).length <= 40 && JSON.stringify(value) : String(value));
  if (diff.action !== 'replace' && brief(value)) return `${verb} \`${key}: ${brief(value)}\``;
  return `${verb} ${key}${diff.action === 'replace' ? `: ${shown(diff.before)} → ${shown(diff.after)}` : ''}`;
}

/** The name of the schema property a diff path ends in ("country" for …/properties/country/not). */
const fieldOf = (path) => {
  const at = path.lastIndexOf('properties');
  return at >= 0 ? String(path[at + 1]) : 'the value';
};

/**
 * api-smart-diff compares an enum position by position: a value swapped for another at the same
 * index is one "replace". Split it into the value removed and the value added, which is what a
 * user's code feels (a removed request value is refused; an added one is new).
 */
function splitEnumReplacements(diffs) {
  return diffs.flatMap((diff) => {
    const key = typeof diff.path.at(-1) === 'number' ? diff.path.at(-2) : undefined;
    if (key !== 'enum' || diff.action !== 'replace') return [diff];
    return [
      { ...diff, action: 'remove', after: undefined, type: 'breaking' },
      { ...diff, action: 'add', before: undefined, type: 'non-breaking' },
    ];
  });
}

/**
 * api-smart-diff pairs the alternatives of a `oneOf`/`anyOf` by similarity, and when one of them
 * changed it may pair them crosswise: "added `type: array`" and "removed `type: array`" at the same
 * place, the same keyword with the same value. That is an alternative kept, not a change: both
 * sides are dropped.
 */
function withoutSwappedAlternatives(changes) {
  const sides = (action) => new Set(changes.filter(({ moved }) => moved?.action === action).map(({ moved }) => moved.what));
  const [added, removed] = [sides('add'), sides('remove')];
  return changes.filter(({ moved }) => !(moved && added.has(moved.what) && removed.has(moved.what))).map(({ moved, ...change }) => change);
}

/**
 * Every change from `released` to `current`, classified: [{ level, subject, place, change, why, path }],
 * most severe first. Component diffs are left out: each shows up again where an operation uses it.
 * The moves (spec-moves.mjs: a schema, a path's resource or an event renamed; the servers) come
 * first, flagged `headline`; the field-level changes they account for are flagged `explained`, and
 * the removals they restate are left out.
 */
export function classifySpecChanges(released, current) {
  const before = withSingleAllOfInlined(withWebhooksAsResponses(released));
  const after = withSingleAllOfInlined(withWebhooksAsResponses(current));
  const { diffs, merged } = apiCompare(before, after);
  const moves = classifyMoves(released, current);
  const seen = new Set();
  const changes = [...moves.changes];
  for (const diff of splitEnumReplacements(diffs)) {
    if (diff.path[0] === 'components' || diff.path[0] === 'servers') continue;
    // A parameter added or removed by `$ref` (as the bundle refers to nearly all of them) is judged
    // and named by what the reference stands for, each side in its own document.
    const whole = isParameter(diff.path) ? { ...diff, before: resolved(diff.before, before), after: resolved(diff.after, after) } : diff;
    const { level, why } = judge(whole);
    const change = { level, subject: subjectOf(diff.path, merged), place: placeOf(whole, merged), change: changeText(whole), why, path: diff.path.join('/') };
    if (moves.explains.has(change.subject)) {
      // The operation's or event's removal is said by its move; what changed inside it follows from it.
      if (diff.path.length <= 3) continue;
      change.explained = true;
    }
    const id = `${change.subject}|${change.place}|${change.change}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (diff.action === 'add' || diff.action === 'remove') {
      const key = typeof diff.path.at(-1) === 'number' ? diff.path.at(-2) : diff.path.at(-1);
      change.moved = { action: diff.action, what: `${change.subject}|${change.place}|${key}|${JSON.stringify(diff.action === 'add' ? diff.after : diff.before)}` };
    }
    changes.push(change);
  }
  // Most severe first; at one level, the moves first (the sort is stable).
  return withoutSwappedAlternatives(changes).sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level) || Number(Boolean(b.headline)) - Number(Boolean(a.headline)));
}

/** The bump a list of changes needs: the most severe level among them. */
export const requiredLevel = (changes) => changes.reduce((level, change) => (LEVELS.indexOf(change.level) > LEVELS.indexOf(level) ? change.level : level), 'none');

/** One line per change: "major  POST /payouts/ (createPayout) request body field `x`: now required — why". */
export const describeChange = (change) =>
  `${change.level.padEnd(5)}  ${change.subject}${change.place ? ` ${change.place}` : ''}: ${change.change} (${change.why})`;

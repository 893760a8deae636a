// What a field-by-field diff cannot see: names that moved. api-smart-diff compares the same path and
// the same component name on both sides, so a schema renamed (and its old name given to another
// object), a path that now serves a different resource, or a webhook event renamed show up as
// dozens of unrelated field changes. This module compares the two documents as wholes and names
// those moves, each as one change a user understands; it also compares the servers.
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const SCHEMA_REF = '#/components/schemas/';
// A current schema that has more than this share of a released schema's field paths is the same
// object (fields may have been added since, as an expandable field adds nested ones); sharing
// `id` and `created_at` alone does not make two objects one.
const SAME_OBJECT = 0.5;

const refName = (node) => (typeof node?.$ref === 'string' && node.$ref.startsWith(SCHEMA_REF) ? node.$ref.slice(SCHEMA_REF.length) : undefined);
const deref = (node, document) => {
  const name = refName(node);
  return name ? document.components?.schemas?.[name] : node;
};

/**
 * The field paths of a schema, two levels deep ("results[].id", "employee.name"), following
 * `$ref`s and merging `allOf`/`oneOf`/`anyOf`: what its objects look like, whatever it is called.
 */
function fieldPaths(schema, document, depth = 2, prefix = '', seen = new Set()) {
  const paths = new Set();
  const node = deref(schema, document);
  if (!node || typeof node !== 'object' || seen.has(node)) return paths;
  const inner = new Set(seen).add(node);
  for (const part of [...(node.allOf ?? []), ...(node.oneOf ?? []), ...(node.anyOf ?? [])]) {
    for (const path of fieldPaths(part, document, depth, prefix, inner)) paths.add(path);
  }
  if (node.items) for (const path of fieldPaths(node.items, document, depth, `${prefix}[]`, inner)) paths.add(path);
  for (const [name, property] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    paths.add(path);
    if (depth > 1) for (const nested of fieldPaths(property, document, depth - 1, path, inner)) paths.add(nested);
  }
  return paths;
}

const sharedCount = (a, b) => [...a].filter((path) => b.has(path)).length;
/** How much of `released` the `current` shape keeps, and (to prefer the closest of several) their overlap. */
const kinship = (released, current) => {
  const shared = sharedCount(released, current);
  return { kept: released.size ? shared / released.size : 0, overlap: shared / (released.size + current.size - shared || 1) };
};

/**
 * Released schema name → the current name of the same object, for every schema whose object now
 * goes by another name: the old name is gone or denotes a different object, and a name new in the
 * current spec has the released object's fields. `reused` lists the old names that now denote
 * something else.
 */
export function schemaRenames(released, current) {
  const before = released.components?.schemas ?? {};
  const after = current.components?.schemas ?? {};
  const shapeOf = (document, name) => fieldPaths({ $ref: SCHEMA_REF + name }, document);
  const newNames = Object.keys(after).filter((name) => !(name in before));
  const candidates = [];
  for (const name of Object.keys(before)) {
    const shape = shapeOf(released, name);
    if (!shape.size) continue;
    const kept = name in after ? kinship(shape, shapeOf(current, name)).kept : 0;
    if (kept > SAME_OBJECT) continue;
    for (const candidate of newNames) {
      const score = kinship(shape, shapeOf(current, candidate));
      if (score.kept > SAME_OBJECT && score.kept > kept) candidates.push({ name, candidate, ...score, suffix: commonSuffix(name, candidate) });
    }
  }
  // One new name per old one, the closest pairs first; a rename keeps the rest of a name
  // (`InvoiceEvent` → `PayrunEvent` rather than → `Payrun`).
  candidates.sort((a, b) => b.kept - a.kept || b.suffix - a.suffix || b.overlap - a.overlap);
  const renames = new Map();
  const taken = new Set();
  for (const { name, candidate } of candidates) {
    if (renames.has(name) || taken.has(candidate)) continue;
    renames.set(name, candidate);
    taken.add(candidate);
  }
  const reused = new Set([...renames.keys()].filter((name) => name in after));
  return { renames, reused };
}

const commonSuffix = (a, b) => {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length++;
  return length;
};

// The property a page of a list keeps its objects under (Django REST Framework's `results`, and the
// other usual names).
const PAGE_ITEMS = ['results', 'data', 'items'];

/** The object an operation's success response is about: an array's or a page's item, else the body's schema. */
function resourceOf(operation, document) {
  const success = Object.entries(operation?.responses ?? {}).find(([status]) => /^2/.test(status))?.[1];
  let schema = success?.content?.['application/json']?.schema;
  for (let hops = 0; hops < 3 && schema; hops++) {
    const node = deref(schema, document);
    const lists = [node, ...(node?.allOf ?? [])].flatMap((part) => {
      const resolved = deref(part, document);
      if (resolved?.type === 'array' && refName(resolved.items)) return [resolved.items];
      return PAGE_ITEMS.map((name) => resolved?.properties?.[name]).filter((property) => property?.type === 'array' && refName(property.items)).map((property) => property.items);
    });
    if (lists.length !== 1) break;
    schema = lists[0];
  }
  return refName(schema);
}

/** Every operation of a document, by "METHOD path", with its operationId and the object it serves. */
function operationsOf(document) {
  const operations = new Map();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      if (!item?.[method]) continue;
      operations.set(`${method.toUpperCase()} ${path}`, { method, path, operationId: item[method].operationId, resource: resourceOf(item[method], document) });
    }
  }
  return operations;
}

const named = ({ method, path, operationId }) => `${method.toUpperCase()} ${path}${operationId ? ` (${operationId})` : ''}`;

/** The object a path is about: what its operations serve (the first that serves one). */
const resourceOfPath = (operations, path) => [...operations.values()].find((operation) => operation.path === path && operation.resource)?.resource;

const major = (subject, change, why, path) => ({ level: 'major', subject, place: '', change, why, path, headline: true });

/**
 * The moves between two documents, as classified changes (the shape classifySpecChanges returns),
 * each flagged `headline`, and `explains`: the subjects whose field-level changes they account for.
 */
export function classifyMoves(released, current) {
  const { renames, reused } = schemaRenames(released, current);
  const changes = [];
  const explains = new Set();
  const nowCalled = (name) => renames.get(name) ?? name;

  for (const [old, name] of renames) {
    changes.push(
      reused.has(old)
        ? major(`schema \`${old}\``, `now means a different object; the released \`${old}\` is \`${name}\``, `code typed with \`${old}\` gets other fields: rename it \`${name}\``, `components/schemas/${old}`)
        : major(`schema \`${old}\``, `renamed \`${name}\``, `\`${old}\` leaves the types: code that names it no longer compiles`, `components/schemas/${old}`),
    );
  }

  const before = operationsOf(released);
  const after = operationsOf(current);
  // Where an operation went: a new operation of the same method, on a path of the same shape, about
  // the renamed object.
  const shape = (path) => path.split('/').map((segment) => (segment.startsWith('{') ? '{}' : segment && '*')).join('/');
  const successorOf = (old, resource) =>
    [...after.values()].find((operation) => operation.method === old.method && !before.has(`${operation.method.toUpperCase()} ${operation.path}`) && shape(operation.path) === shape(old.path) && resourceOfPath(after, operation.path) === resource);
  for (const [key, old] of before) {
    const now = after.get(key);
    if (now && old.resource && now.resource !== nowCalled(old.resource)) {
      const renamed = renames.has(old.resource);
      const elsewhere = renamed && successorOf(old, nowCalled(old.resource));
      const where = elsewhere ? `, at \`${named(elsewhere)}\`` : ', served by no operation';
      changes.push(
        major(
          named(old),
          renamed
            ? `now serves a different resource: \`${now.resource ?? 'no object'}\`; the released \`${old.resource}\` is now \`${nowCalled(old.resource)}\`${where}`
            : `now serves a different resource: \`${now.resource ?? 'no object'}\` instead of \`${old.resource}\``,
          `calls that worked get another object${elsewhere ? ': move them to the new path' : ''}`,
          `paths/${old.path}/${old.method}`,
        ),
      );
      explains.add(named(now));
    } else if (!now) {
      const resource = resourceOfPath(before, old.path);
      const successor = resource && renames.has(resource) ? successorOf(old, nowCalled(resource)) : undefined;
      changes.push(
        major(
          named(old),
          successor ? `is gone; it moved to \`${named(successor)}\` (the released \`${resource}\` is \`${nowCalled(resource)}\`)` : 'is gone',
          successor ? 'calls to the old path fail: call the new one' : 'calls to it fail, and the typed route leaves the client',
          `paths/${old.path}/${old.method}`,
        ),
      );
      explains.add(named(old));
    }
  }

  changes.push(...eventMoves(released, current, nowCalled, explains));
  changes.push(...serverChanges(released, current));
  return { changes, explains };
}

/** Events gone, each paired with the new event of the same action whose payload is the renamed one. */
function eventMoves(released, current, nowCalled, explains) {
  const payload = (item) => refName(item?.post?.requestBody?.content?.['application/json']?.schema);
  const before = released.webhooks ?? {};
  const after = current.webhooks ?? {};
  const added = Object.keys(after).filter((event) => !(event in before));
  const action = (event) => event.slice(event.lastIndexOf('.') + 1);
  const changes = [];
  for (const event of Object.keys(before).filter((name) => !(name in after))) {
    const was = payload(before[event]);
    const candidates = added.filter((name) => was && payload(after[name]) === nowCalled(was));
    const successor = candidates.find((name) => action(name) === action(event)) ?? (candidates.length === 1 ? candidates[0] : undefined);
    explains.add(`webhook ${event}`);
    changes.push(
      successor
        ? major(`webhook \`${event}\``, `renamed \`${successor}\`${was !== payload(after[successor]) ? ` (payload \`${was}\` → \`${payload(after[successor])}\`)` : ''}`, `it is no longer sent under its old name: handlers and subscriptions keyed by \`${event}\` must use \`${successor}\``, `webhooks/${event}`)
        : major(`webhook \`${event}\``, 'is no longer sent', 'handlers and subscriptions keyed by it never fire again', `webhooks/${event}`),
    );
  }
  return changes;
}

/** The default server (the first, where clients and generators point by default) and every server URL. */
function serverChanges(released, current) {
  const urls = (document) => (document.servers ?? []).map((server) => server.url);
  const before = urls(released);
  const after = urls(current);
  const changes = [];
  if (before[0] && after[0] && before[0] !== after[0]) {
    changes.push(major('servers', `the default server is \`${after[0]}\` (was \`${before[0]}\`)${after.includes(before[0]) ? '; the old one is still listed' : ''}`, 'clients built on the first server now call another host: check the base URL you deploy with', 'servers/0'));
  }
  for (const url of before.filter((url) => !after.includes(url))) changes.push(major('servers', `\`${url}\` is no longer listed`, 'clients pointed at it may stop working', 'servers'));
  for (const url of after.filter((url) => !before.includes(url))) changes.push({ level: 'minor', subject: 'servers', place: '', change: `\`${url}\` added`, why: 'a new server', path: 'servers' });
  return changes;
}

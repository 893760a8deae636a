/**
 * The API's operations by path and method, relative to `/v2`, and each one's `Integration-ID`
 * scope: both generated from the bundled spec (`src/generated/routes.ts`), so a path, an
 * operationId or a scope cannot drift from what the spec documents.
 */
import { INTEGRATION_SCOPES, ROUTES } from '../generated/routes.js';

export { ROUTES };

export interface Route {
  path: string;
  methods: Partial<Record<'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string>>;
}

/**
 * Whether an operation takes `Integration-ID`: `required` (it acts inside one integration),
 * `optional` (without it, the operation acts for the whole account; with it, inside that
 * integration, which must be the token's), or `none`.
 */
export type IntegrationScope = 'required' | 'optional' | 'none';

export const integrationScope = (operationId: string): IntegrationScope => INTEGRATION_SCOPES[operationId] ?? 'none';

/** A path's scope for a preflight-free `OPTIONS`: it needs the header when one of its operations requires it. */
export const routeNeedsIntegration = (route: Route): boolean => Object.values(route.methods).some((operationId) => integrationScope(operationId) === 'required');

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

const compiled = ROUTES.map((route) => ({ route, segments: route.path.split('/') }));

/** Matches a path relative to `/v2` (e.g. `/payouts/9472/`) to a route and its parameters. */
export function matchRoute(path: string): RouteMatch | undefined {
  const segments = path.split('/');
  for (const { route, segments: template } of compiled) {
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < template.length && matched; i++) {
      const want = template[i]!;
      const got = segments[i]!;
      if (want.startsWith('{')) {
        if (got === '') matched = false;
        else {
          try {
            params[want.slice(1, -1)] = decodeURIComponent(got);
          } catch {
            matched = false;
          }
        }
      } else matched = want === got;
    }
    if (matched) return { route, params };
  }
  return undefined;
}

/** The resources, as the API root lists them: the name of each top-level collection. */
export const RESOURCES: readonly string[] = ROUTES.map((route) => /^\/([a-z]+)\/$/.exec(route.path)?.[1])
  .filter((name): name is string => name !== undefined)
  .sort();

/**
 * The API's 33 operations (the 31 of the docs, the API root, and the payout resend by PUT as the docs' samples send it) by path and method, relative to `/v2`. A test checks this table
 * against the bundled spec, so a path or operationId that drifts fails loudly.
 */
export interface Route {
  path: string;
  methods: Partial<Record<'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string>>;
}

export const ROUTES: readonly Route[] = [
  { path: '/', methods: { GET: 'retrieveApiRoot' } },
  { path: '/integrations/', methods: { GET: 'listIntegrations', POST: 'createIntegration' } },
  { path: '/integrations/{id}/', methods: { GET: 'retrieveIntegration', PATCH: 'updateIntegration', PUT: 'replaceIntegration', DELETE: 'deleteIntegration' } },
  { path: '/employees/', methods: { GET: 'listEmployees', POST: 'createEmployee' } },
  { path: '/employees/{id}/', methods: { GET: 'retrieveEmployee', PATCH: 'updateEmployee', PUT: 'replaceEmployee', DELETE: 'deleteEmployee' } },
  { path: '/employees/{id}/resend/', methods: { PATCH: 'resendEmployeeInvitation' } },
  { path: '/payouts/', methods: { GET: 'listPayouts', POST: 'createPayout' } },
  { path: '/payouts/{id}/', methods: { GET: 'retrievePayout', DELETE: 'deletePayout' } },
  { path: '/payouts/{id}/resend/', methods: { PATCH: 'resendPayoutNotification', PUT: 'resendPayoutNotificationPut' } },
  { path: '/pricing/', methods: { GET: 'listPricing', POST: 'calculatePricing' } },
  { path: '/pricing/{id}/', methods: { GET: 'retrievePricing' } },
  { path: '/invoices/', methods: { GET: 'listInvoices' } },
  { path: '/invoices/{id}/', methods: { GET: 'retrieveInvoice', PATCH: 'updateInvoice', DELETE: 'deleteInvoice' } },
  { path: '/webhooks/', methods: { GET: 'listWebhooks', POST: 'createWebhook' } },
  { path: '/webhooks/{id}/', methods: { GET: 'retrieveWebhook', PATCH: 'updateWebhook', PUT: 'replaceWebhook', DELETE: 'deleteWebhook' } },
];

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

/** Operations that act on integrations themselves, and the API root, take no `Integration-ID`. */
export const isIntegrationScoped = (route: Route): boolean => route.path !== '/' && !route.path.startsWith('/integrations/');

/** The resources, as the API root lists them: the name of each top-level collection. */
export const RESOURCES: readonly string[] = ROUTES.map((route) => /^\/([a-z]+)\/$/.exec(route.path)?.[1])
  .filter((name): name is string => name !== undefined)
  .sort();

import { RESOURCES } from '../../internal/routes.js';
import type { Handler } from '../context.js';

/** `GET /v2/`: Django REST Framework's API root, each resource with the absolute URL of its list. */
export const rootHandlers: Record<string, Handler> = {
  retrieveApiRoot(context) {
    const base = new URL('/v2/', context.url);
    return { status: 200, body: Object.fromEntries(RESOURCES.map((name) => [name, new URL(`${name}/`, base).href])) };
  },
};

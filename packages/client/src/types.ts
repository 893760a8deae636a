/**
 * Type-level layer over openapi-fetch: declarations only, no runtime code. It turns the generated
 * `paths` into what callers of this client see:
 *
 * - header parameters the client fills in (`Integration-ID`) become optional per call;
 * - `expand: ['employee']` turns `payout.employee` into `Employee`, and its absence into `string`;
 * - a bulk body (an array) gives an array back, a single body a single object;
 * - with `throwOnError: true`, results only have the `data` branch.
 */
import type { Employee, Invoice, paths as GigapayPaths } from '@gigapay/types';
import type { FetchResponse, MaybeOptionalInit } from 'openapi-fetch';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type Media = `${string}/${string}`;

/** Fields that hold an id, or the object when named in `expand`. */
export type ExpandableField = 'employee' | 'invoice';

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/** Header parameters are all optional: the client sends `Integration-ID` from its options. */
type WithClientHeaders<Operation> = Operation extends { parameters: infer Params }
  ? Omit<Operation, 'parameters'> & {
      parameters: Omit<Params, 'header'> & {
        header?: Params extends { header?: infer Header } ? Partial<NonNullable<Header>> : never;
      };
    }
  : Operation;

/** The generated `paths`, as the client accepts them. */
export type ClientPaths<Paths = GigapayPaths> = {
  [Path in keyof Paths]: {
    [M in keyof Paths[Path]]: M extends Method ? WithClientHeaders<Paths[Path][M]> : Paths[Path][M];
  };
};

export type PathsWithMethod<Paths, M extends Method> = {
  [Path in keyof Paths]: Paths[Path] extends Record<M, {}> ? Path : never;
}[keyof Paths];

/**
 * Names listed in `params.query.expand` of a call's init. The keys must be present (not optional):
 * an init that was not given is inferred as the constraint, where `expand` is optional.
 */
export type ExpandOf<Init> = Init extends { params: { query: { expand: infer List } } }
  ? List extends readonly (infer Name)[]
    ? Name
    : never
  : never;

/**
 * `T` with every expandable field narrowed: the object type when its name is in `Expanded`, the id
 * (`string`) otherwise. Walks arrays and paginated `results`.
 */
export type Expand<T, Expanded = never> = T extends readonly (infer Item)[]
  ? Expand<Item, Expanded>[]
  : T extends object
    ? {
        [K in keyof T]: K extends ExpandableField
          ? Exclude<T[K], string> extends never
            ? T[K]
            : K extends Expanded
              ? Exclude<T[K], string>
              : Extract<T[K], string>
          : K extends 'results'
            ? Expand<T[K], Expanded>
            : T[K];
      }
    : T;

/** A bulk (array) body gets the array response; a single body the single object. */
type MatchBody<Data, Init> = [Extract<Data, readonly unknown[]>, Exclude<Data, readonly unknown[]>] extends [
  never,
  unknown,
]
  ? Data
  : [Exclude<Data, readonly unknown[]>] extends [never]
    ? Data
    : Init extends { body: readonly unknown[] }
      ? Extract<Data, readonly unknown[]>
      : Exclude<Data, readonly unknown[]>;

type Response_<Operation, Init> = FetchResponse<Operation & Record<string | number, any>, Init, Media>;
type DataOf<Result> = Result extends { data: infer Data } ? Data : never;
type ErrorOf<Result> = Result extends { error: infer Error } ? Error : never;

/** The data of a successful call, with `expand` and the body's shape applied. */
export type GigapayData<Operation, Init> = Expand<MatchBody<DataOf<Response_<Operation, Init>>, Init>, ExpandOf<Init>>;
/** The parsed error body of a failed call, typed by the operation's documented statuses. */
export type GigapayErrorBody<Operation, Init = {}> = ErrorOf<Response_<Operation, Init>>;

/** What a call resolves to: `{ data, error, response }`, or only the data branch when throwing. */
export type GigapayResult<Operation, Init, Throws extends boolean = false> =
  | { data: GigapayData<Operation, Init>; error?: never; response: Response }
  | (Throws extends true ? never : { data?: never; error: GigapayErrorBody<Operation, Init>; response: Response });

/** Per-call options. `fetch` and `middleware` are left out: they would bypass retries and keys. */
type InitParam<Init> = RequiredKeys<Init> extends never
  ? [(Init & { fetch?: never; middleware?: never; [key: string]: unknown })?]
  : [Init & { fetch?: never; middleware?: never; [key: string]: unknown }];

export type GigapayMethod<Paths, M extends Method, Throws extends boolean> = <
  Path extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<Paths[Path], M & keyof Paths[Path]>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<GigapayResult<Paths[Path][M & keyof Paths[Path]], Init, Throws>>;

/** The client: openapi-fetch's methods, typed from the Gigapay spec. */
export interface GigapayClient<Throws extends boolean = false, Paths = ClientPaths> {
  GET: GigapayMethod<Paths, 'get', Throws>;
  POST: GigapayMethod<Paths, 'post', Throws>;
  PUT: GigapayMethod<Paths, 'put', Throws>;
  PATCH: GigapayMethod<Paths, 'patch', Throws>;
  DELETE: GigapayMethod<Paths, 'delete', Throws>;
}

export type { Employee, Invoice };

/** Init of a GET on `Path`, as `paginate` accepts it. */
export type ListInit<Path extends PathsWithMethod<ClientPaths, 'get'>> = MaybeOptionalInit<ClientPaths[Path], 'get'>;

/** Paths whose GET returns a page (`{ count, next, previous, results }`). */
export type ListPath = {
  [Path in PathsWithMethod<ClientPaths, 'get'>]: GigapayResult<ClientPaths[Path]['get'], {}, true>['data'] extends {
    results: readonly unknown[];
  }
    ? Path
    : never;
}[PathsWithMethod<ClientPaths, 'get'>];

/** One item of a list endpoint's pages, with `expand` applied. */
export type ListItem<Path extends PathsWithMethod<ClientPaths, 'get'>, Init> = GigapayResult<
  ClientPaths[Path]['get'],
  Init,
  true
>['data'] extends { results: readonly (infer Item)[] }
  ? Item
  : never;

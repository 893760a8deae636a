/**
 * Type-level layer over the generated `paths`: declarations only, no runtime code.
 *
 * Built for checking speed. `Operations<M>` turns each operation into an `OperationInfo` once (its
 * init, body, and result branches, all precomputed); a call only looks its path up and applies
 * three small type parameters inferred from its init: `Expanded` (the names in
 * `params.query.expand`), `Bulk` (the `length` of an array body, `never` for a single body) and
 * `Parse` (its `parseAs`, `'json'` by default). Nothing depends on the
 * init's literal type, so every call of the same shape shares the same instantiations, and the
 * init is checked as a plain object type: an unknown key is an excess-property error naming it.
 *
 * - header parameters the client fills in (`Integration-ID`, …) are optional per call;
 * - `expand: ['employee']` turns `payout.employee` into `Employee`, and its absence into `string`;
 *   a body with an inline employee (an object) is only accepted with it, and an id may be a number;
 * - the commonest mistakes (an inline employee without `expand`, `expand` as a string) meet an object
 *   type whose one key says what to do, which tsc prints (test/compile-errors.test.ts);
 * - a bulk body (an array) gives the array back, a single body the single object;
 * - `status` is the union of the documented statuses and discriminates `data` / `error`; any other
 *   status is the general branch (`error: unknown`); with `throwOnError: true` only the 2xx remain.
 */
import type { Employee, HttpStatus, Invoice, OperationMap } from '@gigapay/types';
import type {
  AuthenticationError,
  GigapayError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
} from './errors.js';
import type { CallOptions, ParseAs, ParsedAs } from './internal/call-options.js';

export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/**
 * Fields that hold an id, or the object when named in `expand`: a Payout's `employee`, `payrun` and
 * deprecated `invoice` (the Payrun again), a Payrun's or Prepayment's `invoice` (the billing Invoice).
 */
export type ExpandableField = 'employee' | 'payrun' | 'invoice';

/**
 * One operation as `@gigapay/types` precomputes it (`OperationMap`): in the shape a call takes and
 * returns, as references into the generated types, so that nothing here walks an operation.
 */
interface Entry {
  init: object;
  initRequired: boolean;
  expand: unknown;
  body: unknown;
  bodyRequired: boolean;
  bulk: boolean;
  successes: object;
  bulkSuccesses: object;
  hasExpandableFields: boolean;
  errors: Record<string | number, { status: unknown; body: unknown }>;
  undocumented: unknown;
}

/**
 * A body whose `employee` may be an object (only with `expand: ['employee']`) keeps to the id: a
 * string or a number, as the spec accepts it. The object type beside the id is there for its
 * message, which tsc prints when an inline employee is passed without `expand` (written out, not
 * named: tsc would print a name instead of the message). Nothing is assignable to it.
 */
type WithEmployeeId<Body> = Body extends { employee: infer Employee_ }
  ? [Exclude<Employee_, object>] extends [never]
    ? never
    : {
        [K in keyof Body]: K extends 'employee'
          ? Exclude<Employee_, object> | { "to send an inline employee, add params: { query: { expand: ['employee'] } }": never }
          : Body[K];
      }
  : Body;

type ErrorBranch<Status, Body> = { status: Status; data?: never; error: Body; response: Response };
/** Of an operation's error responses and undocumented statuses (shared by the operations that have the same). */
type ErrorBranches<Errors extends Entry['errors'], Undocumented> =
  | { [S in keyof Errors]: ErrorBranch<Errors[S]['status'], Errors[S]['body']> }[keyof Errors]
  // A status the spec does not document (a 502 from a proxy, …).
  | ErrorBranch<Undocumented, unknown>;

/** All that a call needs to know of an operation, computed once per operation. */
export interface OperationInfo {
  /** The init without its `body` (params and call options). */
  init: object;
  // `unknown`, not `boolean`: read with `extends true`, and a generic `OperationMap[M][Path]` is not known to give a boolean.
  initRequired: unknown;
  body: unknown;
  bodyWithEmployeeId: unknown;
  bodyRequired: unknown;
  /** The names `params.query.expand` takes (`never`: no `expand`). */
  expandable: unknown;
  /** An array body is accepted as well as a single one. */
  bulk: unknown;
  /** A 2xx body has a field that `expand` turns from an id into the object (else the bodies are given as they are). */
  hasExpandableFields: unknown;
  single: unknown;
  many: unknown;
  errors: unknown;
  errorBodies: object;
}

type Info<E extends Entry> = {
  init: E['init'] & CallOptions;
  initRequired: E['initRequired'];
  body: E['body'];
  bodyWithEmployeeId: WithEmployeeId<E['body']>;
  bodyRequired: E['bodyRequired'];
  expandable: E['expand'];
  bulk: E['bulk'];
  hasExpandableFields: E['hasExpandableFields'];
  single: E['successes'];
  many: E['bulkSuccesses'];
  errors: ErrorBranches<E['errors'], E['undocumented']>;
  errorBodies: { [S in keyof E['errors'] as E['errors'][S]['status'] & PropertyKey]: E['errors'][S]['body'] };
};

/** Every path that has method `M`, with its operation's `OperationInfo`. */
export type Operations<M extends Method> = InfoByMethod[M];
type InfoByMethod = { [M in Method]: InfoOf<OperationMap[M]> };
type InfoOf<Entries extends Record<string, Entry>> = { [Path in keyof Entries]: Info<Entries[Path]> };

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

type Body<Op extends OperationInfo, Expanded> = 'employee' extends Expanded ? Op['body'] : Op['bodyWithEmployeeId'];

/** The body member: required or optional as the spec has it, absent where there is none (object types, not a mapped type: cheaper to check). */
type BodyMember<Op extends OperationInfo, Expanded, Bulk extends number> = [Op['body']] extends [never]
  ? {}
  : Op['bodyRequired'] extends true
    ? { body: BodyOf<Op, Expanded, Bulk> }
    : { body?: BodyOf<Op, Expanded, Bulk> };
/**
 * Beside the body, `readonly never[] & { length: Bulk }` matches no body (its items are `never`): it
 * is there to infer `Bulk` from an array body's `length`, and a single body, having none, leaves
 * `Bulk` at `never`. In a union beside the body, not intersected with it: relating an array to an
 * intersection compares every array method. Array-like, so that tsc explains a wrong single body
 * against the single body, not against it; and written out, so that no name of ours is printed.
 */
type BodyOf<Op extends OperationInfo, Expanded, Bulk extends number> = Op['bulk'] extends true
  ? Body<Op, Expanded> | (readonly never[] & { readonly length: Bulk })
  : Body<Op, Expanded>;

/**
 * `expand` takes an array of the names `Expanded` is inferred from. With none inferred (no `expand`,
 * or a string where the array goes) its items are the operation's names, so that tsc prints those
 * rather than `never[]`; the object type beside it is there for its message (as in `WithEmployeeId`).
 */
type ExpandMember<Op extends OperationInfo, Expanded> = [Op['expandable']] extends [never]
  ? {}
  : {
      params?: {
        query?: {
          expand?:
            | readonly ([Expanded] extends [never] ? Op['expandable'] : Extract<Expanded, Op['expandable']>)[]
            | { "expand takes an array of names: expand: ['employee']": never };
        };
      };
    };

/** What a call of `Op` accepts as its init: exact (an unknown key is an error). */
export type CallInit<Op extends OperationInfo, Expanded = never, Bulk extends number = never, Parse = 'json'> = Op['init'] &
  ExpandMember<Op, Expanded> &
  BodyMember<Op, Expanded, Bulk> & { parseAs?: Parse };

export type CallArgs<Op extends OperationInfo, Expanded, Bulk extends number, Parse> = Op['initRequired'] extends true
  ? [init: CallInit<Op, Expanded, Bulk, Parse>]
  : [init?: CallInit<Op, Expanded, Bulk, Parse>];

type SuccessBranches<Bodies, Expanded, Parse extends ParseAs, Expands> = {
  [S in keyof Bodies]: {
    status: S;
    data: Parse extends 'json' ? (Expands extends true ? Expand<Bodies[S], Expanded> : Bodies[S]) : ParsedAs[Parse];
    error?: never;
    response: Response;
  };
}[keyof Bodies];

/** What a call resolves to: one branch per documented status, discriminated by `status`. */
export type GigapayResult<
  Op extends OperationInfo,
  Expanded = never,
  Bulk = never,
  Throws extends boolean = false,
  Parse extends ParseAs = 'json',
> = SuccessBranches<[Bulk] extends [never] ? Op['single'] : Op['many'], Expanded, Parse, Op['hasExpandableFields']> | (Throws extends true ? never : Op['errors']);

export type GigapayMethod<M extends Method, Throws extends boolean> = <
  Path extends keyof Operations<M>,
  Expanded extends ExpandableField = never,
  Bulk extends number = never,
  Parse extends ParseAs = 'json',
>(
  url: Path,
  ...init: CallArgs<Operations<M>[Path], Expanded, Bulk, Parse>
) => Promise<GigapayResult<Operations<M>[Path], Expanded, Bulk, Throws, Parse>>;

/** The client: openapi-fetch's methods, typed from the Gigapay spec. */
export interface GigapayClient<Throws extends boolean = false> {
  GET: GigapayMethod<'get', Throws>;
  POST: GigapayMethod<'post', Throws>;
  PUT: GigapayMethod<'put', Throws>;
  PATCH: GigapayMethod<'patch', Throws>;
  DELETE: GigapayMethod<'delete', Throws>;
}

export type { Employee, HttpStatus, Invoice };

/** Paths whose GET returns a page (`{ count, next, previous, results }`). */
export type ListPath = {
  [Path in keyof Operations<'get'>]: Operations<'get'>[Path]['single'] extends Record<200, { results: readonly unknown[] }>
    ? Path
    : never;
}[keyof Operations<'get'>];

/** One item of a list endpoint's pages, with `expand` applied. */
export type ListItem<Path extends ListPath, Expanded = never> = Operations<'get'>[Path]['single'] extends Record<
  200,
  { results: readonly (infer Item)[] }
>
  ? Expand<Item, Expanded>
  : never;

/** The class `createGigapayError` picks for a status. */
type ErrorClassFor<Status> = Status extends 400
  ? ValidationError
  : Status extends 401
    ? AuthenticationError
    : Status extends 403
      ? PermissionDeniedError
      : Status extends 404
        ? NotFoundError
        : Status extends 429
          ? RateLimitError
          : `${Status & number}` extends `5${string}`
            ? ServerError
            : GigapayError;

/** The error thrown for `Status` by an operation: its class, with the body the spec documents (else `unknown`). */
export type OperationError<Op extends OperationInfo, Status extends HttpStatus> = Omit<ErrorClassFor<Status>, 'status' | 'body'> & {
  readonly status: Status;
  readonly body: Status extends keyof Op['errorBodies'] ? Op['errorBodies'][Status] : unknown;
};

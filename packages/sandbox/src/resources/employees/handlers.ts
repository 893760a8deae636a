import { RESEND_WAIT_MICROS } from '../../internal/clock.js';
import { addMessage, isEmpty, nonFieldError, validationError, type ValidationBody } from '../../internal/errors.js';
import { newId } from '../../internal/ids.js';
import { applyAll, oldestFirst, paginate, searchFilter, timestampFilter } from '../../internal/listing.js';
import { nextSeq, update } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import { has, idValue, metadataValue, objectBody, scoped, type Handler, type OperationContext } from '../context.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { findOr404, renameRecord, type TableSet } from '../table.js';
import { EMPLOYEES, type EmployeeRecord, type EmployeeStore } from './record.js';
import { serializeEmployee } from './serialize.js';
import { invitationCode } from './status.js';

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const employeesOf = (context: OperationContext): EmployeeStore => scoped(context).data.get(EMPLOYEES);
const lookup = (context: OperationContext): EmployeeRecord => findOr404(employeesOf(context), context.params.id);

/** The fields of an EmployeeCreate body (the spec requires `email`), checked for the rules JSON Schema cannot see. */
export function employeeFields(data: TableSet, input: Record<string, unknown>, errors: ValidationBody, current?: EmployeeRecord) {
  const id = idValue(input.id);
  if (id !== undefined && id !== current?.id && data.get(EMPLOYEES).has(id)) addMessage(errors, 'id', `${EMPLOYEES.noun} with this id already exists.`);
  const email = stringOrNull(input.email);
  const cellphone = stringOrNull(input.cellphone_number);
  if (typeof input.name === 'string' && input.name.trim() === '') addMessage(errors, 'name', 'This field may not be blank.');
  return {
    id,
    name: String(input.name ?? ''),
    email,
    cellphone_number: cellphone,
    country: String(input.country ?? ''),
    metadata: metadataValue(input.metadata),
  };
}

/** Registers an employee already checked by `employeeFields`, and emits `Employee.created`. */
export function insertEmployee(core: SandboxCore, integration: IntegrationRecord, fields: ReturnType<typeof employeeFields>): EmployeeRecord {
  const record: EmployeeRecord = {
    ...fields,
    id: fields.id ?? newId(),
    createdAt: core.clock.nowMicros(),
    notifiedAt: null,
    claimedAt: null,
    verifiedAt: null,
    lastInvitationAt: null,
    invitationCode: invitationCode(),
    countryMismatch: false,
    hasHadPayouts: false,
    seq: nextSeq(),
  };
  const employees = integration.data.get(EMPLOYEES);
  employees.set(record.id, record);
  employees.index(record);
  core.emit(integration, 'Employee.created', serializeEmployee(record));
  return record;
}

/**
 * The existing employee an inline employee stands for: the same `id` if one was sent and exists,
 * else the same email (case-insensitive), else the same cellphone number.
 */
export function findMatchingEmployee(data: TableSet, input: Record<string, unknown>): EmployeeRecord | undefined {
  const id = idValue(input.id);
  const employees = data.get(EMPLOYEES);
  if (id !== undefined && employees.has(id)) return employees.get(id);
  return employees.byContactOf(stringOrNull(input.email), stringOrNull(input.cellphone_number));
}

/** A mismatch holds until the employee's `country` is changed (to the user's, presumably). */
const mismatchAfter = (employee: EmployeeRecord, country: string): boolean => employee.countryMismatch && country === employee.country;

export const employeeHandlers: Record<string, Handler> = {
  listEmployees(context) {
    const q = context.query;
    const items = applyAll(employeesOf(context).values(), [
      ...timestampFilter<EmployeeRecord>(q, 'created_at', (e) => e.createdAt),
      ...timestampFilter<EmployeeRecord>(q, 'notified_at', (e) => e.notifiedAt),
      ...timestampFilter<EmployeeRecord>(q, 'claimed_at', (e) => e.claimedAt),
      ...timestampFilter<EmployeeRecord>(q, 'verified_at', (e) => e.verifiedAt),
      ...searchFilter<EmployeeRecord>(q, (e) => [e.name, e.email, e.cellphone_number]),
    ]);
    return { status: 200, body: paginate(oldestFirst(items), context.url, serializeEmployee) };
  },

  createEmployee(context) {
    const integration = scoped(context);
    const errors: ValidationBody = {};
    const fields = employeeFields(integration.data, objectBody(context.body), errors);
    if (!isEmpty(errors)) throw validationError(errors);
    return { status: 201, body: serializeEmployee(insertEmployee(context.core, integration, fields)) };
  },

  retrieveEmployee(context) {
    return { status: 200, body: serializeEmployee(lookup(context)) };
  },

  updateEmployee(context) {
    const { data } = scoped(context);
    const employee = lookup(context);
    const input = objectBody(context.body);
    // PATCH: omitted fields keep their value; the contact rule applies to the result.
    const merged = { ...serializeEmployee(employee), ...input };
    const errors: ValidationBody = {};
    const fields = employeeFields(data, merged, errors, employee);
    if (!isEmpty(errors)) throw validationError(errors);
    const { id, ...rest } = fields;
    update(employee, { ...rest, metadata: has(input, 'metadata') ? fields.metadata : employee.metadata, countryMismatch: mismatchAfter(employee, rest.country) });
    renameRecord(employeesOf(context), employee, id);
    employeesOf(context).index(employee);
    return { status: 200, body: serializeEmployee(employee) };
  },

  replaceEmployee(context) {
    const { data } = scoped(context);
    const employee = lookup(context);
    const errors: ValidationBody = {};
    // PUT: omitted optional fields go back to their defaults; an omitted id keeps the current one.
    const fields = employeeFields(data, objectBody(context.body), errors, employee);
    if (!isEmpty(errors)) throw validationError(errors);
    const { id, ...rest } = fields;
    update(employee, { ...rest, countryMismatch: mismatchAfter(employee, rest.country) });
    renameRecord(employeesOf(context), employee, id);
    employeesOf(context).index(employee);
    return { status: 200, body: serializeEmployee(employee) };
  },

  deleteEmployee(context) {
    const employee = lookup(context);
    // The rule is "once any payout has been registered", so deleting the payouts does not lift it.
    if (employee.hasHadPayouts) throw nonFieldError('An employee with registered payouts cannot be deleted.');
    employeesOf(context).delete(employee.id);
    return { status: 204 };
  },

  resendEmployeeInvitation(context) {
    const integration = scoped(context);
    const employee = lookup(context);
    const now = context.core.clock.nowMicros();
    if (employee.lastInvitationAt !== null && now - employee.lastInvitationAt < RESEND_WAIT_MICROS) {
      throw nonFieldError('The invitation was sent less than 24 hours ago; wait at least 24 hours between resends.');
    }
    update(employee, { lastInvitationAt: now });
    if (employee.notifiedAt === null) {
      update(employee, { notifiedAt: now });
      context.core.emit(integration, 'Employee.notified', serializeEmployee(employee));
    }
    return { status: 204 };
  },
};


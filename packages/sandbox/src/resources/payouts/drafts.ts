/**
 * Checking one payout-shaped request item (PayoutCreate, PayoutCreateInlineEmployee or
 * PricingRequest) for the rules JSON Schema cannot express, and pricing it. Shared by
 * `POST /payouts/` and `POST /pricing/` so that a body priced first creates the same payout.
 */
import { isShowable, parseTimestamp } from '../../internal/clock.js';
import { addMessage, isEmpty, type ValidationBody } from '../../internal/errors.js';
import { parseMoney, priceFrom, type AmountBasis, type Breakdown } from '../../internal/pricing.js';
import { idValue, metadataValue, objectBody } from '../context.js';
import { employeeFields, findMatchingEmployee } from '../employees/handlers.js';
import { EMPLOYEES, type EmployeeRecord } from '../employees/record.js';
import type { TableSet } from '../table.js';

const BASES: readonly AmountBasis[] = ['amount', 'invoiced_amount', 'cost'];
/** 10 000 000 000.00: DRF's DecimalField(max_digits=12, decimal_places=2) ceiling. */
const MAX_ORE = 1_000_000_000_000;
export const EXACTLY_ONE_BASIS = 'Exactly one of amount, invoiced_amount or cost is required.';

export type EmployeeChoice =
  | { kind: 'existing'; record: EmployeeRecord }
  | { kind: 'inline'; fields: ReturnType<typeof employeeFields> };

export interface PayoutDraft {
  id: string | undefined;
  prices: Breakdown;
  currency: string;
  description: string;
  fullSalarySpecification: boolean;
  employee: EmployeeChoice;
  metadata: Record<string, unknown>;
  startAt: number | null;
  endAt: number | null;
}

export type DraftResult = { ok: true; draft: PayoutDraft } | { ok: false; errors: ValidationBody };

function timestampField(input: Record<string, unknown>, field: string, errors: ValidationBody): number | null {
  const value = input[field];
  if (value === undefined || value === null) return null;
  const micros = typeof value === 'string' ? parseTimestamp(value) : undefined;
  if (micros === undefined) {
    addMessage(errors, field, 'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].');
    return null;
  }
  // An offset can carry a valid text past the year 9999 (or before 0000) in UTC: DRF's overflow error.
  if (!isShowable(micros)) {
    addMessage(errors, field, 'Datetime value out of range.');
    return null;
  }
  return micros;
}

export function draftPayout(data: TableSet, raw: unknown, options: { inlineAllowed: boolean }): DraftResult {
  const input = objectBody(raw);
  const errors: ValidationBody = {};

  const given = BASES.filter((basis) => input[basis] !== undefined && input[basis] !== null);
  let prices: Breakdown | undefined;
  if (given.length !== 1) addMessage(errors, 'non_field_errors', EXACTLY_ONE_BASIS);
  else {
    const basis = given[0]!;
    const value = input[basis];
    const ore = typeof value === 'string' && /^\d+(\.\d{1,2})?$/.test(value) ? parseMoney(value) : Number.NaN;
    if (Number.isNaN(ore)) addMessage(errors, basis, 'A valid number with at most 2 decimal places is required.');
    else if (ore <= 0) addMessage(errors, basis, 'Ensure this value is greater than 0.');
    else if (ore >= MAX_ORE) addMessage(errors, basis, 'Ensure that there are no more than 12 digits in total.');
    else prices = priceFrom(basis, ore);
  }

  const description = typeof input.description === 'string' ? input.description : '';
  if (description.trim() === '') addMessage(errors, 'description', 'This field may not be blank.');

  let employee: EmployeeChoice | undefined;
  const employeeInput = input.employee;
  const employeeId = idValue(employeeInput);
  if (employeeId !== undefined) {
    const record = data.get(EMPLOYEES).get(employeeId);
    if (record) employee = { kind: 'existing', record };
    else addMessage(errors, 'employee', `Object with id "${employeeId}" does not exist.`);
  } else if (employeeInput !== null && typeof employeeInput === 'object' && !Array.isArray(employeeInput)) {
    if (!options.inlineAllowed) {
      addMessage(errors, 'employee', 'An inline employee needs ?expand=employee; otherwise send the id of an existing employee.');
    } else {
      const inline = employeeInput as Record<string, unknown>;
      const existing = findMatchingEmployee(data, inline);
      if (existing) employee = { kind: 'existing', record: existing };
      else {
        const nested: ValidationBody = {};
        const fields = employeeFields(data, inline, nested);
        if (isEmpty(nested)) employee = { kind: 'inline', fields };
        else errors.employee = nested;
      }
    }
  } else addMessage(errors, 'employee', 'This field is required.');

  const startAt = timestampField(input, 'start_at', errors);
  const endAt = timestampField(input, 'end_at', errors);
  if (startAt !== null && endAt !== null && endAt < startAt) addMessage(errors, 'end_at', 'end_at must not be before start_at.');

  if (!isEmpty(errors) || !prices || !employee) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      id: idValue(input.id),
      prices,
      currency: String(input.currency ?? 'SEK'),
      description,
      fullSalarySpecification: input.full_salary_specification === true,
      employee,
      metadata: metadataValue(input.metadata),
      startAt,
      endAt,
    },
  };
}

/**
 * Drafts every item of a bulk body. Any problem anywhere gives the per-item error array
 * (`{}` for good items); `extraCheck` adds cross-item rules such as unique ids.
 */
export function draftAll(
  data: TableSet,
  items: readonly unknown[],
  options: { inlineAllowed: boolean },
  extraCheck?: (draft: PayoutDraft, index: number, errors: ValidationBody) => void,
): { ok: true; drafts: PayoutDraft[] } | { ok: false; errors: ValidationBody[] } {
  const drafts: PayoutDraft[] = [];
  const errors: ValidationBody[] = [];
  let failed = false;
  items.forEach((item, index) => {
    const result = draftPayout(data, item, options);
    const itemErrors = result.ok ? {} : result.errors;
    if (result.ok) {
      extraCheck?.(result.draft, index, itemErrors);
      drafts.push(result.draft);
    }
    if (!isEmpty(itemErrors)) failed = true;
    errors.push(itemErrors);
  });
  return failed ? { ok: false, errors } : { ok: true, drafts };
}

/**
 * An employee's `latest_status` and invitation code, derived from the state in one place (Gigapay
 * documents what each value means, not when it is set; the sandbox's reading):
 *
 * | value              | when                                                                    |
 * |--------------------|-------------------------------------------------------------------------|
 * | `not_invited`      | no email to send the invitation to (older records have none)            |
 * | `created`          | registered, the invitation not sent yet (`notified_at` unset)           |
 * | `invited`          | invited (`notified_at`), not signed up                                  |
 * | `onboarding`       | signed up (`claimed_at`), not verified                                  |
 * | `country_mismatch` | signed up, but the user's country differs (a control sets it)           |
 * | `active`           | verified (`verified_at`): payable                                       |
 *
 * `invitation_code` is shown while the person has not signed up (`claimed_at` unset), else `null`.
 */
import { randomBytes } from 'node:crypto';
import type { EmployeeRecord } from './record.js';

export type EmployeeStatus = 'created' | 'not_invited' | 'invited' | 'onboarding' | 'country_mismatch' | 'active';

export function employeeStatus(employee: EmployeeRecord): EmployeeStatus {
  if (employee.claimedAt !== null && employee.countryMismatch) return 'country_mismatch';
  if (employee.verifiedAt !== null) return 'active';
  if (employee.claimedAt !== null) return 'onboarding';
  if (employee.notifiedAt !== null) return 'invited';
  return employee.email === null ? 'not_invited' : 'created';
}

export const shownInvitationCode = (employee: EmployeeRecord): string | null => (employee.claimedAt === null ? employee.invitationCode : null);

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** 8 uppercase letters and digits, like `A1B2C3D4`. */
export const invitationCode = (): string => Array.from(randomBytes(8), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');

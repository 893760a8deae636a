import { formatTimestamp, formatOptionalTimestamp } from '../../internal/clock.js';
import type { EmployeeRecord } from './record.js';
import { employeeStatus, shownInvitationCode } from './status.js';

export function serializeEmployee(record: EmployeeRecord) {
  return {
    id: record.id,
    name: record.name,
    email: record.email,
    cellphone_number: record.cellphone_number,
    country: record.country,
    latest_status: employeeStatus(record),
    metadata: record.metadata,
    created_at: formatTimestamp(record.createdAt),
    notified_at: formatOptionalTimestamp(record.notifiedAt),
    claimed_at: formatOptionalTimestamp(record.claimedAt),
    verified_at: formatOptionalTimestamp(record.verifiedAt),
    invitation_code: shownInvitationCode(record),
  };
}

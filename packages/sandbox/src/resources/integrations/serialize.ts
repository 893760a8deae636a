import type { IntegrationRecord } from './record.js';

export function serializeIntegration(record: IntegrationRecord) {
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    logo: record.logo,
    metadata: record.metadata,
    email: record.email,
    recipient: record.recipient,
    address_line_1: record.address_line_1,
    address_line_2: record.address_line_2,
    zip_code: record.zip_code,
    city: record.city,
  };
}

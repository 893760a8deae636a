import type { RegistrationRecord } from './record.js';

export function serializeRegistration(record: RegistrationRecord) {
  return {
    id: record.id,
    integration_id: record.integration_id,
    needs_review: record.needs_review,
    tin_number: record.tin_number,
    vat_number: record.vat_number,
    registered_name: record.registered_name,
    friendly_name: record.friendly_name,
    address_line_1: record.address_line_1,
    address_line_2: record.address_line_2,
    state: record.state,
    zip_code: record.zip_code,
    city: record.city,
    email: record.email,
    phone_number: record.phone_number,
    country: record.country,
    signatory_name: record.signatory_name,
    signatory_email: record.signatory_email,
    finance_email: record.finance_email,
    technical_email: record.technical_email,
    invoice_email: record.invoice_email,
  };
}

/**
 * The ids a sample works on. The tests create, in a fresh sandbox, only the objects a sample takes
 * before it runs; the docs show each as a constant holding the id of the spec's example instead.
 */
export interface Fixtures {
  /** A Registration of the user, not yet approved. */
  registrationId: string;
  /** An Integration of the account, other than the one the client acts as; it owns nothing yet. */
  integrationId: string;
  /** A registered Employee without Payouts (so it can also be deleted). */
  employeeId: string;
  /** A Message to the Employee of employeeId. */
  messageId: string;
  /** A Payout, in the open Payrun. */
  payoutId: string;
  /** The open Payrun that holds the Payout. */
  payrunId: string;
  /** A billing Invoice not yet issued: the one of a closed Payrun. */
  invoiceId: string;
  /** A Prepayment in draft. */
  prepaymentId: string;
  /** A registered Webhook. */
  webhookId: string;
}

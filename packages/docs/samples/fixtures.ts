/**
 * The ids a sample works on. The tests create these objects in a fresh sandbox before each sample
 * runs; the docs show each as a constant holding the id of the spec's example instead.
 */
export interface Fixtures {
  /** An Integration of the account, other than the one the client acts as; it owns nothing yet. */
  integrationId: string;
  /** A registered Employee without Payouts (so it can also be deleted). */
  employeeId: string;
  /** A Payout, on the open Invoice. */
  payoutId: string;
  /** The open Invoice that holds the Payout. */
  invoiceId: string;
  /** A registered Webhook. */
  webhookId: string;
}

/**
 * The Payrun a Payout is on: its `payrun`, else its deprecated `invoice`. Since September 2025
 * `invoice` on a Payout is an alias holding the same Payrun (the payout-grouping Invoice of 1.x is
 * the Payrun now), never the id of a billing `Invoice`; records from before then, and some answers
 * of today (a single create), carry only one of the two. `undefined` when neither is there.
 * An id, or the Payrun itself when `expand` named the field.
 */
export function payrunOf<Payout extends { readonly payrun?: unknown; readonly invoice?: unknown }>(
  payout: Payout,
): Exclude<Payout['payrun'], undefined> | Payout['invoice'] {
  return (payout.payrun ?? payout.invoice) as never;
}

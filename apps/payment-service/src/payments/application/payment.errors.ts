/** No payment of the order is visible to the caller: none yet, or another customer's order. */
export class OrderPaymentsNotFoundError extends Error {
  constructor(readonly orderId: string) {
    super(`order ${orderId} not found`);
    this.name = 'OrderPaymentsNotFoundError';
  }
}

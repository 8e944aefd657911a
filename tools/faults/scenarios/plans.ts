import { type FixturePlan, type LoadPlan } from '../load';

/** A few customers and products with stock to spare: every order can be served. */
export const PLENTY: FixturePlan = { customers: 4, products: 3, stock: 1000 };

/**
 * The load most scenarios run: paced so that the fault lands mid-load and the load goes on
 * through it; some orders declined by the gateway, some cancelled by their customer (refunds).
 */
export function faultLoad(quick: boolean): LoadPlan {
  return {
    orders: quick ? 30 : 60,
    maxOrders: quick ? 80 : 200,
    ratePerSecond: 5,
    concurrency: 6,
    cancelShare: 0.1,
    declinedShare: 0.1,
  };
}

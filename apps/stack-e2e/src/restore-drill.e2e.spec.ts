/* eslint-disable @nx/enforce-module-boundaries -- the drill is tooling (pnpm test:faults runs
   it too) that stops and restores a service of the stack; here it runs on the suite's stack. */
import { type DrillPhase, runRestoreDrill } from '../../../tools/db/restore-drill';
import { isProfileName, resolveProfile } from '../../../tools/stack/profile';
/* eslint-enable @nx/enforce-module-boundaries */
import { newCustomer, newProduct, placeOrder } from './support/commerce';

const profileName = process.env.E2E_PROFILE ?? 'test';
const profile = resolveProfile(isProfileName(profileName) ? profileName : 'test', process.env);
// The drill wipes a database: only on the suite's own stack, never on `E2E_STACK=running`.
const onOwnStack = profile.ephemeral ? it : it.skip;

/**
 * Orders whose outcome cannot depend on the order they are applied in, since a rewind
 * re-applies them in a different interleaving across partitions: plenty of stock for the
 * paid and the declined ones, and a quantity above the whole stock for the rejected one.
 */
async function orderPlacer(): Promise<(phase: DrillPhase) => Promise<string[]>> {
  const customer = await newCustomer();
  const plenty = await newProduct('4.00', 1000);
  const scarce = await newProduct('9.00', 3);
  const orders = [
    { productId: plenty.id, quantity: 2, paymentMethod: 'card' },
    { productId: plenty.id, quantity: 1, paymentMethod: 'card' },
    { productId: plenty.id, quantity: 3, paymentMethod: 'card_declined' },
    { productId: scarce.id, quantity: 4, paymentMethod: 'card' },
  ];
  return async (phase) => {
    const placed = await Promise.all(
      orders.map(({ productId, quantity, paymentMethod }) =>
        placeOrder(customer.headers, [{ productId, quantity }], paymentMethod),
      ),
    );
    return placed.map((response) => {
      if (response.status !== 202)
        throw new Error(
          `${phase}: order refused ${response.status} ${JSON.stringify(response.body)}`,
        );
      return (response.body as { id: string }).id;
    });
  };
}

function drill(rewind: boolean, placeOrders: (phase: DrillPhase) => Promise<string[]>) {
  return runRestoreDrill({
    profile,
    placeOrders,
    rewind,
    log: (line) => {
      process.stdout.write(`[drill] ${line}\n`);
    },
  });
}

describe('inventory-service restored from a backup while orders keep coming', () => {
  onOwnStack(
    'catches up from the log after the rewind: stock matches the orders exactly',
    async () => {
      const report = await drill(true, await orderPlacer());
      process.stdout.write(`[drill] ${JSON.stringify(report)}\n`);

      expect(report.violations).toEqual([]);
      expect(report.outcome).toEqual({ confirmed: 8, cancelled: 8, pending: 0 });
      // The backup missed the decisions on orders after it: they were read again.
      expect(report.rewoundMessages).toBeGreaterThanOrEqual(8);
    },
    240_000,
  );

  // Run last: it leaves this drill's products inconsistent, as a real skipped rewind would.
  onOwnStack(
    'without the rewind the decisions made after the backup are lost, and the checks say so',
    async () => {
      const report = await drill(false, await orderPlacer());

      expect(report.violations).toEqual(
        expect.arrayContaining([expect.stringMatching(/sold \d+, confirmed orders hold \d+/)]),
      );
    },
    240_000,
  );
});

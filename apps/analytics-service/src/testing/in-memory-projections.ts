import { Decimal } from '@kafka-commerce/money';
import { SummaryReader } from '../projections/application/ports/summary-reader';
import {
  ProjectionStore,
  type ProjectionTransaction,
  type RegisteredUser,
} from '../projections/application/ports/projection-store';
import { type OrderState } from '../projections/domain/order-projection';
import { type ProcessedPayment } from '../projections/domain/payment-projection';
import { type ProductSalesTotal } from '../projections/domain/summary';
import {
  type CounterChange,
  type Metric,
  type ProductChange,
  type SummaryDelta,
} from '../projections/domain/summary-delta';

interface ProjectionState {
  processed: Set<string>;
  users: Map<string, RegisteredUser>;
  payments: Map<string, ProcessedPayment>;
  orders: Map<string, OrderState>;
  totals: Map<Metric, CounterChange>;
  products: Map<string, ProductChange>;
}

/** The projection store and its summary reader over one in-memory state. */
export class InMemoryProjections {
  private state: ProjectionState = {
    processed: new Set(),
    users: new Map(),
    payments: new Map(),
    orders: new Map(),
    totals: new Map(),
    products: new Map(),
  };

  readonly store: ProjectionStore = new InMemoryProjectionStore(this);
  readonly reader: SummaryReader = new InMemorySummaryReader(this);

  get orders(): ReadonlyMap<string, OrderState> {
    return this.state.orders;
  }

  current(): ProjectionState {
    return this.state;
  }

  commit(state: ProjectionState): void {
    this.state = state;
  }
}

class InMemoryProjectionStore extends ProjectionStore {
  constructor(private readonly projections: InMemoryProjections) {
    super();
  }

  async inTransaction<T>(work: (tx: ProjectionTransaction) => Promise<T>): Promise<T> {
    const current = this.projections.current();
    const draft: ProjectionState = {
      processed: new Set(current.processed),
      users: new Map(current.users),
      payments: new Map(current.payments),
      orders: new Map(current.orders),
      totals: new Map(current.totals),
      products: new Map(current.products),
    };
    const result = await work(transactionOver(draft));
    this.projections.commit(draft);
    return result;
  }
}

function transactionOver(draft: ProjectionState): ProjectionTransaction {
  return {
    claim: (consumer, eventIds) => {
      const fresh = new Set<string>();
      for (const eventId of eventIds) {
        const key = `${consumer}/${eventId}`;
        if (!draft.processed.has(key)) fresh.add(eventId);
        draft.processed.add(key);
      }
      return Promise.resolve(fresh);
    },
    addUsers: (users) => Promise.resolve(insertNew(draft.users, users, (user) => user.userId)),
    addPayments: (payments) =>
      Promise.resolve(insertNew(draft.payments, payments, (payment) => payment.paymentId)),
    lockOrders: (orderIds) => {
      const found = new Map<string, OrderState>();
      for (const orderId of orderIds) {
        const order = draft.orders.get(orderId);
        if (order) found.set(orderId, order);
      }
      return Promise.resolve(found);
    },
    saveOrders: (orders) => {
      for (const order of orders) draft.orders.set(order.orderId, order);
      return Promise.resolve();
    },
    apply: (delta: SummaryDelta) => {
      for (const [metric, change] of delta.counters()) {
        const before = draft.totals.get(metric) ?? { count: 0, amount: new Decimal(0) };
        draft.totals.set(metric, {
          count: before.count + change.count,
          amount: before.amount.plus(change.amount),
        });
      }
      for (const [productId, change] of delta.products()) {
        const before = draft.products.get(productId) ?? { quantity: 0, revenue: new Decimal(0) };
        draft.products.set(productId, {
          quantity: before.quantity + change.quantity,
          revenue: before.revenue.plus(change.revenue),
        });
      }
      return Promise.resolve();
    },
  };
}

function insertNew<T>(rows: Map<string, T>, candidates: readonly T[], idOf: (row: T) => string) {
  const added = new Set<string>();
  for (const row of candidates) {
    const id = idOf(row);
    if (rows.has(id)) continue;
    rows.set(id, row);
    added.add(id);
  }
  return added;
}

class InMemorySummaryReader extends SummaryReader {
  constructor(private readonly projections: InMemoryProjections) {
    super();
  }

  totals(): Promise<Map<Metric, CounterChange>> {
    return Promise.resolve(new Map(this.projections.current().totals));
  }

  // Mirrors the SQL: most units first, ties by product id, products with none left out.
  topProducts(limit: number): Promise<ProductSalesTotal[]> {
    return Promise.resolve(
      [...this.projections.current().products]
        .map(([productId, sales]) => ({ productId, ...sales }))
        .filter((product) => product.quantity > 0)
        .sort((a, b) => b.quantity - a.quantity || a.productId.localeCompare(b.productId))
        .slice(0, limit),
    );
  }
}

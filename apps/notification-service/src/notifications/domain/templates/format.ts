import { type Money, toDecimal, toMoney } from '@kafka-commerce/money';

/** The first block of a uuid: enough for a person to recognise an order in a subject line. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** A money string as people read it: always two decimals ("5" → "5.00"). */
export function formatMoney(amount: Money): string {
  return toMoney(toDecimal(amount));
}

/** Reasons as the saga's services write them (snake_case codes), explained for customers. */
const REASONS: Readonly<Record<string, string>> = {
  out_of_stock: 'an item is out of stock',
  unknown_product: 'an item is no longer available',
  card_declined: 'the card was declined',
  amount_limit_exceeded: 'the amount is above the payment limit',
  cancelled_by_customer: 'it was cancelled on request',
};

/** A known reason in words; an unknown code is shown as it is rather than hidden. */
export function describeReason(reason: string): string {
  return REASONS[reason] ?? reason.replaceAll('_', ' ');
}

/** Counts like "1 item" / "3 items". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function lines(...parts: readonly string[]): string {
  return `${parts.join('\n')}\n`;
}

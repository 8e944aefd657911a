/** One caught message, as the HTTP API returns it. */
export interface CaughtMessage {
  readonly id: string;
  /** The From header as written (falls back to the SMTP envelope sender). */
  readonly from: string;
  /** The SMTP envelope recipients: who the message was really delivered to (Bcc included). */
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly receivedAt: string;
}

/** The last `capacity` messages, oldest first; older ones are dropped as new ones arrive. */
export class MessageStore {
  private messages: CaughtMessage[] = [];

  constructor(readonly capacity = 10_000) {}

  add(message: CaughtMessage): void {
    this.messages.push(message);
    if (this.messages.length > this.capacity) {
      this.messages = this.messages.slice(this.messages.length - this.capacity);
    }
  }

  /** Oldest first; `to` (case-insensitive) keeps those delivered to that address. */
  list(filter: { readonly to?: string } = {}): CaughtMessage[] {
    const to = filter.to?.trim().toLowerCase();
    if (!to) return [...this.messages];
    return this.messages.filter((message) =>
      message.to.some((address) => address.toLowerCase() === to),
    );
  }

  clear(): void {
    this.messages = [];
  }

  get size(): number {
    return this.messages.length;
  }
}

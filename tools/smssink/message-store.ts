/** One message the sink accepted, as `GET /messages` lists it. */
export interface SentSms {
  /** Twilio's message SID: `SM` and 32 hex digits. */
  readonly sid: string;
  readonly accountSid: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  /** Always "queued": the sink delivers nothing further. */
  readonly status: 'queued';
  readonly numSegments: number;
  readonly receivedAt: string;
}

/** The last `capacity` messages, oldest first; older ones are dropped as new ones arrive. */
export class SmsStore {
  private messages: SentSms[] = [];

  constructor(readonly capacity = 10_000) {}

  add(message: SentSms): void {
    this.messages.push(message);
    if (this.messages.length > this.capacity)
      this.messages.splice(0, this.messages.length - this.capacity);
  }

  /** Oldest first; `to` keeps those sent to that number (spaces ignored). */
  list(filter: { readonly to?: string } = {}): SentSms[] {
    const to = filter.to?.replaceAll(' ', '');
    if (!to) return [...this.messages];
    return this.messages.filter((message) => message.to === to);
  }

  clear(): void {
    this.messages = [];
  }

  get size(): number {
    return this.messages.length;
  }
}

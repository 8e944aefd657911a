/**
 * The common shape every broker client is driven through, so each workload is written once.
 * A broker offers one or more modes (e.g. NATS: JetStream and core pub/sub); a mode opens a
 * channel (a topic, queue or stream of its own) that publishers and consumers attach to.
 */

/** How far a mode promises delivery: the workloads hold each mode to its own promise. */
export type DeliveryClass =
  /** Publish confirmed once stored; consumers ack; unacked messages come back. */
  | 'acked'
  /** Nothing confirmed, nothing redelivered: losses are expected and counted. */
  | 'fire-and-forget';

export interface BrokerUnderTest {
  readonly name: string;
  /** Connects (and starts the broker, for Kafka); throws when the broker does not answer. */
  connect(log: (line: string) => void): Promise<ConnectedBroker>;
}

export interface ConnectedBroker {
  /** e.g. "RabbitMQ 3.10.8". */
  readonly version: string;
  readonly modes: readonly BrokerMode[];
  /** The broker's server process, for its resident memory after the run. */
  serverPid(): number | undefined;
  close(): Promise<void>;
}

export interface BrokerMode {
  /** Row label, e.g. "Kafka (acks=all, idempotent)". */
  readonly name: string;
  readonly delivery: DeliveryClass;
  /** Where an acknowledged message lives, for the verdict (e.g. "fsynced on a quorum"). */
  readonly durability: string;
  /** Every delivery setting of this mode, in one line for the report. */
  readonly settings: string;
  /** What the broker documents about order with several consumers. */
  readonly orderingGuarantee: string;
  /** No consumer groups: every consumer gets every message, so work cannot be shared. */
  readonly fanOutOnly?: true;
  /**
   * `purpose` names the channel (kc-compare-<purpose>-<run>); it is created empty, for
   * `consumers` consumers sharing its messages.
   */
  open(purpose: string, consumers: number): Promise<Channel>;
}

export interface Channel {
  /** A publisher with a connection of its own (the workloads run several at once). */
  publisher(): Promise<Publisher>;
  /**
   * Starts a consumer in the channel's one group/queue. `consumerId` is stable across a
   * restart (the crash workload reuses it, as a restarted process would).
   */
  consume(consumerId: string, handler: (message: Received) => void): Promise<Consumer>;
  /** Resolves once `consumers` consumers are attached and share the work (Kafka: assigned). */
  ready(consumers: number, timeoutMs: number): Promise<void>;
  /** Deletes the topic/queue/stream and whatever else `open` created. */
  remove(): Promise<void>;
}

export interface Publisher {
  /** Resolves when the broker confirmed the message (at once for fire-and-forget). */
  publish(key: string, body: string): Promise<void>;
  close(): Promise<void>;
}

export interface Received {
  readonly body: string;
  /** Settles the message; a message never acked must come back after the consumer closes. */
  ack(): void;
}

export interface Consumer {
  /** Closes abruptly: messages received but not acked are left unacknowledged. */
  close(): Promise<void>;
}

export const CONNECT_TIMEOUT_MS = 3_000;

/** Channel names: kc-compare-<purpose>-<run id>, unique per run so leftovers never collide. */
export function channelName(purpose: string, separator = '-'): string {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  return ['kc', 'compare', purpose, run].join(separator);
}

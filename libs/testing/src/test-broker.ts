/** An empty single-node broker a test run (or one suite) owns. */
export interface TestBroker {
  /** Bootstrap addresses for clients. */
  readonly brokers: string[];
  /** Takes the broker down and keeps its data: an outage. */
  stop(): Promise<void>;
  /** Brings it back on the same address with the same data. */
  start(): Promise<void>;
  /** Stops it for good and deletes its data. */
  remove(): Promise<void>;
}

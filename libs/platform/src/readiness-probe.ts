/** Something `GET /health` must reach before the service reports ready. */
export interface ReadinessProbe {
  readonly probeName: string;
  ping(): Promise<void>;
}

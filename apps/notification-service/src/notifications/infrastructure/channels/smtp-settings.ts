/** Injection token for {@link SmtpSettings}. */
export const SMTP_SETTINGS = Symbol('SMTP_SETTINGS');

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte; otherwise STARTTLS is used when the server offers it. */
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: string;
  /** The From header, e.g. `kafka-commerce <no-reply@kafka-commerce.local>`. */
  readonly from: string;
}

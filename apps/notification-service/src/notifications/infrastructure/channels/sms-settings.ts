/** Injection token for {@link SmsSettings}. */
export const SMS_SETTINGS = Symbol('SMS_SETTINGS');

/** An SMS provider speaking Twilio's Messages API, and the account to send from. */
export interface SmsSettings {
  /** Base URL, e.g. `https://api.twilio.com`; the API path is appended. */
  readonly apiUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** The sender number, E.164. */
  readonly from: string;
}

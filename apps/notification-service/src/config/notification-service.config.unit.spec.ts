import { loadNotificationServiceConfig } from './notification-service.config';

const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----'; // shape only

describe('notification-service configuration', () => {
  const base = {
    DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/kc_notification',
    JWT_PUBLIC_KEY: PUBLIC_KEY,
  };

  it('defaults to the development mail catcher', () => {
    expect(loadNotificationServiceConfig(base)).toMatchObject({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: 1025,
      SMTP_SECURE: false,
      SMTP_FROM: 'kafka-commerce <no-reply@kafka-commerce.local>',
      OPERATIONS_EMAIL: 'operations@kafka-commerce.local',
      SMS_API_URL: 'http://127.0.0.1:8026',
      SMS_ACCOUNT_SID: 'ACdeadbeefdeadbeefdeadbeefdeadbeef',
      SMS_AUTH_TOKEN: 'dev-sms-auth-token',
      SMS_FROM: '+15005550006',
    });
  });

  it('reads an SMS provider’s settings', () => {
    expect(
      loadNotificationServiceConfig({
        ...base,
        SMS_API_URL: 'https://api.twilio.com',
        SMS_ACCOUNT_SID: 'AC0123456789abcdef0123456789ABCDEF',
        SMS_AUTH_TOKEN: 'secret',
        SMS_FROM: '+15017122661',
      }),
    ).toMatchObject({ SMS_API_URL: 'https://api.twilio.com', SMS_FROM: '+15017122661' });
  });

  it('names every invalid SMS setting', () => {
    const invalid = () =>
      loadNotificationServiceConfig({
        ...base,
        SMS_API_URL: 'ftp://sms.example.com',
        SMS_ACCOUNT_SID: 'SM123',
        SMS_AUTH_TOKEN: '',
        SMS_FROM: '0151 12345678',
      });
    for (const name of ['SMS_API_URL', 'SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM']) {
      expect(invalid).toThrow(name);
    }
    expect(invalid).toThrow(/E\.164/);
  });

  it('reads a real relay’s settings, treating empty credentials as none', () => {
    expect(
      loadNotificationServiceConfig({
        ...base,
        SMTP_SECURE: 'true',
        SMTP_USER: 'mailer',
        SMTP_PASSWORD: 'secret',
      }),
    ).toMatchObject({ SMTP_SECURE: true, SMTP_USER: 'mailer', SMTP_PASSWORD: 'secret' });
    expect(loadNotificationServiceConfig({ ...base, SMTP_USER: '' }).SMTP_USER).toBeUndefined();
  });

  it('rejects an invalid operations address or flag', () => {
    expect(() =>
      loadNotificationServiceConfig({ ...base, OPERATIONS_EMAIL: 'nope', SMTP_SECURE: 'yes' }),
    ).toThrow(/OPERATIONS_EMAIL[\s\S]*SMTP_SECURE|SMTP_SECURE[\s\S]*OPERATIONS_EMAIL/);
  });
});

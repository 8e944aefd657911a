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
    });
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

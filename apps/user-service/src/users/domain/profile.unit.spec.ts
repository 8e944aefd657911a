import { applyProfilePatch, isE164 } from './profile';
import { ProfileRuleError } from './user.errors';
import { type User } from './user';

const ada: User = {
  id: '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11',
  email: 'ada@example.com',
  username: 'ada',
  phone: null,
  source: 'web',
  role: 'user',
  createdAt: new Date('2026-11-26T10:00:00.000Z'),
  notificationChannels: ['email'],
  profileRevision: 0,
};

function refusal(user: User, patch: Parameters<typeof applyProfilePatch>[1]): ProfileRuleError {
  try {
    applyProfilePatch(user, patch);
  } catch (error) {
    if (error instanceof ProfileRuleError) return error;
    throw error;
  }
  throw new Error('expected the patch to be refused');
}

describe('isE164', () => {
  it.each(['+4915112345678', '+12025550123', '+442079460000'])('accepts %s', (phone) => {
    expect(isE164(phone)).toBe(true);
  });

  it.each(['4915112345678', '+49 151 12345678', '+0123456', '+1234567890123456', '+', ''])(
    'refuses "%s"',
    (phone) => {
      expect(isE164(phone)).toBe(false);
    },
  );
});

describe('applyProfilePatch', () => {
  it('changes only what the patch names and counts the revision', () => {
    const renamed = applyProfilePatch(ada, { username: 'ada-l' });
    expect(renamed).toEqual({ ...ada, username: 'ada-l', profileRevision: 1 });
    expect(applyProfilePatch(renamed, { phone: '+4915112345678' })).toMatchObject({
      username: 'ada-l',
      phone: '+4915112345678',
      notificationChannels: ['email'],
      profileRevision: 2,
    });
  });

  it('stores channels in one order, whatever order they were sent in', () => {
    const withPhone = { ...ada, phone: '+4915112345678' };
    expect(
      applyProfilePatch(withPhone, { notificationChannels: ['sms', 'email'] }).notificationChannels,
    ).toEqual(['email', 'sms']);
  });

  it('takes a phone and "sms" in one patch', () => {
    expect(
      applyProfilePatch(ada, { phone: '+4915112345678', notificationChannels: ['sms'] }),
    ).toMatchObject({ phone: '+4915112345678', notificationChannels: ['sms'] });
  });

  it('refuses "sms" without a phone, naming the channels', () => {
    const error = refusal(ada, { notificationChannels: ['email', 'sms'] });
    expect(error.field).toBe('notificationChannels');
    expect(error.message).toContain('"sms" needs a phone number');
  });

  it('refuses removing the phone while "sms" is chosen, naming the phone', () => {
    const smsUser = { ...ada, phone: '+4915112345678', notificationChannels: ['sms'] as const };
    expect(refusal(smsUser, { phone: null }).field).toBe('phone');
    expect(
      applyProfilePatch(smsUser, { phone: null, notificationChannels: ['email'] }),
    ).toMatchObject({ phone: null, notificationChannels: ['email'] });
  });

  it('refuses "sms" for a phone on file that is not E.164 (registration was lenient)', () => {
    const loose = { ...ada, phone: '+44 20 7946 0000' };
    const error = refusal(loose, { notificationChannels: ['sms'] });
    expect(error.field).toBe('phone');
    expect(error.message).toContain('+44 20 7946 0000');
    // Other changes leave such a phone alone.
    expect(applyProfilePatch(loose, { username: 'ada-l' }).phone).toBe('+44 20 7946 0000');
  });

  it('refuses an empty patch, an invalid phone and no channel at all', () => {
    expect(refusal(ada, {}).field).toBe('body');
    expect(refusal(ada, { phone: '0151 12345678' }).field).toBe('phone');
    expect(refusal(ada, { notificationChannels: [] }).field).toBe('notificationChannels');
  });
});

import { refusal, refusedFields, validated } from '@kafka-commerce/testing';
import { LoginRequest } from './login.request';
import { RegisterUserRequest } from './register-user.request';
import { UpdateProfileRequest } from './update-profile.request';

const registration = {
  email: 'ada@example.com',
  username: 'ada',
  password: 'correct horse battery',
  phone: '+44 20 7946 0000',
  source: 'web',
};

describe('RegisterUserRequest through the validation pipe', () => {
  it('keeps a non-ASCII username, surrogate pairs included, unchanged', async () => {
    const body = { ...registration, username: 'Zoë ☕🍵' };
    await expect(validated(RegisterUserRequest, body)).resolves.toEqual(body);
  });

  it.each([
    ['username', 'a NUL', 'ada\u0000'],
    ['username', 'an unpaired surrogate', 'ada\ud800'],
    ['password', 'a NUL', 'correct horse\u0000battery'],
    ['phone', 'a NUL', '+44 20\u0000'],
  ])('refuses %s holding %s, naming it', async (field, _case, text) => {
    expect(await refusedFields(RegisterUserRequest, { ...registration, [field]: text })).toEqual([
      field,
    ]);
  });

  it.each([[['ada']], [{ name: 'ada' }], [null]])('refuses a username of %j', async (username) => {
    expect(await refusedFields(RegisterUserRequest, { ...registration, username })).toEqual([
      'username',
    ]);
  });
});

describe('LoginRequest through the validation pipe', () => {
  it.each([
    ['email', 'ada@example.com\u0000'],
    ['password', '\udc00'],
  ])('refuses unsafe text in %s', async (field, text) => {
    const body = { email: 'ada@example.com', password: 'correct horse battery', [field]: text };
    expect(await refusedFields(LoginRequest, body)).toEqual([field]);
  });
});

describe('UpdateProfileRequest through the validation pipe', () => {
  it.each([
    [{ username: 'ada-l' }],
    [{ phone: '+4915112345678', notificationChannels: ['email', 'sms'] }],
    [{ phone: null }],
    [{ notificationChannels: ['sms'] }],
  ])('passes %j as it is', async (body) => {
    await expect(validated(UpdateProfileRequest, body)).resolves.toEqual(body);
  });

  it.each([['+49 151 12345678'], ['015112345678'], ['+0123'], [4915112345678]])(
    'refuses the phone %j, saying what form it needs',
    async (phone) => {
      const [error, ...rest] = await refusal(UpdateProfileRequest, { phone });
      expect(rest).toHaveLength(0);
      expect(error).toEqual({
        field: 'phone',
        messages: ['phone: must be in E.164 form, e.g. +4915112345678'],
      });
    },
  );

  it.each([
    [['fax'], 'notificationChannels'],
    [['email', 'email'], 'notificationChannels'],
    [[], 'notificationChannels'],
    ['email', 'notificationChannels'],
    [null, 'notificationChannels'],
  ])('refuses notificationChannels of %j, naming %s', async (notificationChannels, field) => {
    expect(await refusedFields(UpdateProfileRequest, { notificationChannels })).toEqual([field]);
  });

  it('refuses an email change, saying why', async () => {
    const [error] = await refusal(UpdateProfileRequest, { email: 'new@example.com' });
    expect(error?.field).toBe('email');
    expect(error?.messages.join()).toMatch(/cannot be changed here.*verified/);
  });

  it('refuses unknown fields, a null username and unsafe text', async () => {
    expect(await refusedFields(UpdateProfileRequest, { password: 'x', role: 'admin' })).toEqual([
      'password',
      'role',
    ]);
    expect(await refusedFields(UpdateProfileRequest, { username: null })).toEqual(['username']);
    expect(await refusedFields(UpdateProfileRequest, { username: 'ada\u0000' })).toEqual([
      'username',
    ]);
  });
});

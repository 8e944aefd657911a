import { BadRequestException } from '@nestjs/common';
import { createValidationPipe, type FieldError } from '@kafka-commerce/platform';
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

/** The service's real global pipe, as Nest runs it for a request body. */
function validate(metatype: new () => object, body: unknown): Promise<unknown> {
  return createValidationPipe().transform(body, { type: 'body', metatype }) as Promise<unknown>;
}

async function rejectedErrors(metatype: new () => object, body: unknown): Promise<FieldError[]> {
  try {
    await validate(metatype, body);
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { errors: FieldError[] }).errors;
  }
  throw new Error('expected the body to be rejected');
}

async function rejectedFields(metatype: new () => object, body: unknown): Promise<string[]> {
  return (await rejectedErrors(metatype, body)).map((e) => e.field);
}

describe('RegisterUserRequest through the validation pipe', () => {
  it('keeps a non-ASCII username, surrogate pairs included, unchanged', async () => {
    const body = { ...registration, username: 'Zoë ☕🍵' };
    await expect(validate(RegisterUserRequest, body)).resolves.toEqual(body);
  });

  it.each([
    ['username', 'a NUL', 'ada\u0000'],
    ['username', 'an unpaired surrogate', 'ada\ud800'],
    ['password', 'a NUL', 'correct horse\u0000battery'],
    ['phone', 'a NUL', '+44 20\u0000'],
  ])('refuses %s holding %s, naming it', async (field, _case, text) => {
    expect(await rejectedFields(RegisterUserRequest, { ...registration, [field]: text })).toEqual([
      field,
    ]);
  });

  it.each([[['ada']], [{ name: 'ada' }], [null]])('refuses a username of %j', async (username) => {
    expect(await rejectedFields(RegisterUserRequest, { ...registration, username })).toEqual([
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
    expect(await rejectedFields(LoginRequest, body)).toEqual([field]);
  });
});

describe('UpdateProfileRequest through the validation pipe', () => {
  it.each([
    [{ username: 'ada-l' }],
    [{ phone: '+4915112345678', notificationChannels: ['email', 'sms'] }],
    [{ phone: null }],
    [{ notificationChannels: ['sms'] }],
  ])('passes %j as it is', async (body) => {
    await expect(validate(UpdateProfileRequest, body)).resolves.toEqual(body);
  });

  it.each([['+49 151 12345678'], ['015112345678'], ['+0123'], [4915112345678]])(
    'refuses the phone %j, saying what form it needs',
    async (phone) => {
      const [error, ...rest] = await rejectedErrors(UpdateProfileRequest, { phone });
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
    expect(await rejectedFields(UpdateProfileRequest, { notificationChannels })).toEqual([field]);
  });

  it('refuses an email change, saying why', async () => {
    const [error] = await rejectedErrors(UpdateProfileRequest, { email: 'new@example.com' });
    expect(error?.field).toBe('email');
    expect(error?.messages.join()).toMatch(/cannot be changed here.*verified/);
  });

  it('refuses unknown fields, a null username and unsafe text', async () => {
    expect(await rejectedFields(UpdateProfileRequest, { password: 'x', role: 'admin' })).toEqual([
      'password',
      'role',
    ]);
    expect(await rejectedFields(UpdateProfileRequest, { username: null })).toEqual(['username']);
    expect(await rejectedFields(UpdateProfileRequest, { username: 'ada\u0000' })).toEqual([
      'username',
    ]);
  });
});

import { BadRequestException } from '@nestjs/common';
import { createValidationPipe, type FieldError } from '@kafka-commerce/platform';
import { LoginRequest } from './login.request';
import { RegisterUserRequest } from './register-user.request';

const registration = {
  email: 'ada@example.com',
  username: 'ada',
  password: 'correct horse battery',
  phone: '+44 20 7946 0000',
  source: 'web',
};

/** The service's real global pipe, as Nest runs it for a request body. */
function validate(metatype: new () => object, body: unknown): Promise<unknown> {
  return createValidationPipe().transform(body, { type: 'body', metatype });
}

async function rejectedFields(metatype: new () => object, body: unknown): Promise<string[]> {
  try {
    await validate(metatype, body);
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { errors: FieldError[] }).errors.map((e) => e.field);
  }
  throw new Error('expected the body to be rejected');
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

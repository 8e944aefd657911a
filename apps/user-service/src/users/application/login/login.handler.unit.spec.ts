import { generateKeyPairSync } from 'node:crypto';
import { accessTokensFor } from '@kafka-commerce/auth';
import { hash } from '@node-rs/argon2';
import { type User } from '../../domain/user';
import { InvalidCredentialsError } from '../../domain/user.errors';
import { InMemoryUserRepository } from '../../../testing/in-memory-user-repository';
import { LoginHandler } from './login.handler';

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const tokens = accessTokensFor(keys);
const ada: User = {
  id: '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11',
  email: 'ada@example.com',
  username: 'ada',
  phone: null,
  source: 'web',
  role: 'user',
  createdAt: new Date(),
  notificationChannels: ['email'],
  profileRevision: 0,
};

describe('LoginHandler', () => {
  const users = new InMemoryUserRepository();
  const login = new LoginHandler(users, tokens);

  beforeAll(async () => {
    await users.create({ ...ada, passwordHash: await hash('correct horse battery') }, []);
  });

  it('issues a token carrying the user and role for the right password, whatever the email case', async () => {
    const token = await login.execute({
      email: 'Ada@Example.com',
      password: 'correct horse battery',
    });
    expect(tokens.verify(token.accessToken)).toEqual({
      userId: ada.id,
      email: ada.email,
      role: 'user',
    });
  });

  it('refuses a wrong password and an unknown email with the same error', async () => {
    await expect(login.execute({ email: ada.email, password: 'wrong password' })).rejects.toThrow(
      InvalidCredentialsError,
    );
    await expect(login.execute({ email: 'nobody@example.com', password: 'x' })).rejects.toThrow(
      InvalidCredentialsError,
    );
  });
});

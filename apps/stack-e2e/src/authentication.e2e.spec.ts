import { randomUUID } from 'node:crypto';
import { ADMIN, bearer, getJson, postJson, serviceUrl } from './support/stack';

describe('authentication (user-service issues, every service verifies)', () => {
  const user = {
    email: `auth-${randomUUID().slice(0, 8)}@example.com`,
    username: 'auth-user',
    password: 'correct horse battery',
  };

  beforeAll(async () => {
    expect((await postJson(`${serviceUrl('user')}/users`, user)).status).toBe(201);
  });

  it('logs in with the right password and answers /users/me for the token holder', async () => {
    const login = await postJson(`${serviceUrl('user')}/auth/login`, {
      email: user.email,
      password: user.password,
    });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 3600,
    });
    const me = await getJson(`${serviceUrl('user')}/users/me`, await bearer(user));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: user.email, username: user.username, role: 'user' });
    expect(JSON.stringify(me.body)).not.toContain('argon2');
  });

  it('answers 401 to a wrong password, a missing token and a forged token', async () => {
    expect(
      (
        await postJson(`${serviceUrl('user')}/auth/login`, {
          email: user.email,
          password: 'wrong password',
        })
      ).status,
    ).toBe(401);
    expect((await getJson(`${serviceUrl('user')}/users/me`)).status).toBe(401);
    const forged = { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' };
    expect((await getJson(`${serviceUrl('user')}/users/me`, forged)).status).toBe(401);
  });

  it('has an admin account from the configuration', async () => {
    const me = await getJson(`${serviceUrl('user')}/users/me`, await bearer(ADMIN));
    expect(me.body).toMatchObject({ email: ADMIN.email, role: 'admin' });
  });
});

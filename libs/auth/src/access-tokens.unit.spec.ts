import { generateKeyPairSync } from 'node:crypto';
import { accessTokensFor } from './access-tokens';

function keyPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

const issuerKeys = keyPair();
const user = {
  userId: '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11',
  email: 'ada@example.com',
  role: 'user' as const,
};

describe('AccessTokens', () => {
  const issuer = accessTokensFor({
    publicKey: issuerKeys.publicKey,
    privateKey: issuerKeys.privateKey,
  });
  const verifier = accessTokensFor({ publicKey: issuerKeys.publicKey });

  it('issues a bearer token that another service verifies with the public key alone', () => {
    const token = issuer.issue(user);
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
    expect(verifier.verify(token.accessToken)).toEqual(user);
  });

  it('cannot issue without the private key', () => {
    expect(() => verifier.issue(user)).toThrow(/no private key/);
  });

  it('rejects a token signed with another key, a tampered token and garbage', () => {
    const forger = accessTokensFor({ ...keyPair() });
    expect(verifier.verify(forger.issue(user).accessToken)).toBeUndefined();
    const [header, , signature] = issuer.issue(user).accessToken.split('.');
    const adminClaims = Buffer.from(
      JSON.stringify({ sub: user.userId, email: user.email, role: 'admin', iss: 'kafka-commerce' }),
    ).toString('base64url');
    expect(verifier.verify(`${header}.${adminClaims}.${signature}`)).toBeUndefined();
    expect(verifier.verify('not-a-token')).toBeUndefined();
  });

  it('rejects an expired token', () => {
    const shortLived = accessTokensFor({ ...issuerKeys, tokenTtlSeconds: -1 });
    expect(verifier.verify(shortLived.issue(user).accessToken)).toBeUndefined();
  });

  it('refuses, naming the variable, a public key that has a PEM shape but no key in it', () => {
    const shapeOnly = '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----';
    expect(() => accessTokensFor({ publicKey: shapeOnly })).toThrow(/JWT_PUBLIC_KEY/);
  });
});

import { createHmac, createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { tokenKeys } from '../../stack/keys';

/** A bad Authorization header, named for the report. */
export interface BadCredential {
  readonly kind: string;
  readonly header: Record<string, string>;
}

const ISSUER = 'kafka-commerce'; // libs/auth DEFAULT_ISSUER

const encode = (part: object): string => Buffer.from(JSON.stringify(part)).toString('base64url');

function rs256(payload: object, privateKey: string): string {
  const data = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${data}.${createSign('RSA-SHA256').update(data).sign(privateKey).toString('base64url')}`;
}

function claims(sub: string, role: string, change: object = {}): object {
  const now = Math.floor(Date.now() / 1000);
  return { sub, email: 'x@example.com', role, iat: now, exp: now + 600, iss: ISSUER, ...change };
}

/**
 * Every kind of bad token a client could send: none, malformed, unsigned, signed with another
 * key or with the public key as an HMAC secret (key confusion), tampered, and genuine ones
 * that are expired, not yet valid or from another issuer (signed with the stack's own key).
 */
export function badCredentials(
  stateDir: string,
  genuineToken: string,
  victimUserId: string,
): BadCredential[] {
  const keys = tokenKeys(stateDir);
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const now = Math.floor(Date.now() / 1000);
  const [header = '', payload = '', signature = ''] = genuineToken.split('.');
  const elevated = encode({
    ...(JSON.parse(Buffer.from(payload, 'base64url').toString()) as object),
    role: 'admin',
    sub: victimUserId,
  });
  const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims(victimUserId, 'admin'))}.`;
  const hsData = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims(victimUserId, 'admin'))}`;
  const keyConfusion = `${hsData}.${createHmac('sha256', keys.publicKey).update(hsData).digest('base64url')}`;
  const bearerOf = (token: string) => ({ authorization: `Bearer ${token}` });
  return [
    { kind: 'no token', header: {} }, // the first: it tells whether the operation needs one
    { kind: 'empty bearer', header: { authorization: 'Bearer ' } },
    { kind: 'garbage', header: bearerOf('not-a-token') },
    {
      kind: 'basic scheme',
      header: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    },
    { kind: 'percent-encoded NUL', header: bearerOf(`${header}.${payload}%00.${signature}`) },
    { kind: 'alg none', header: bearerOf(unsigned) },
    { kind: 'HS256 with the public key', header: bearerOf(keyConfusion) },
    {
      kind: 'signed by another key',
      header: bearerOf(rs256(claims(victimUserId, 'admin'), otherKey)),
    },
    { kind: 'tampered payload', header: bearerOf(`${header}.${elevated}.${signature}`) },
    {
      kind: 'truncated signature',
      header: bearerOf(`${header}.${payload}.${signature.slice(0, 20)}`),
    },
    {
      kind: 'expired',
      header: bearerOf(
        rs256(claims(randomUUID(), 'user', { iat: now - 7200, exp: now - 3600 }), keys.privateKey),
      ),
    },
    {
      kind: 'not yet valid',
      header: bearerOf(rs256(claims(randomUUID(), 'user', { nbf: now + 3600 }), keys.privateKey)),
    },
    {
      kind: 'other issuer',
      header: bearerOf(
        rs256(claims(randomUUID(), 'admin', { iss: 'someone-else' }), keys.privateKey),
      ),
    },
    { kind: 'huge token', header: bearerOf('a'.repeat(16_000)) },
  ];
}

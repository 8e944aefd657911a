import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TokenKeys {
  readonly publicKey: string;
  readonly privateKey: string;
}

/**
 * The RSA key pair access tokens are signed with, made once per stack profile and kept in
 * its state folder (git-ignored). Production deployments pass their own keys instead.
 */
export function tokenKeys(stateDir: string): TokenKeys {
  const dir = path.join(stateDir, 'keys');
  const publicFile = path.join(dir, 'jwt-public.pem');
  const privateFile = path.join(dir, 'jwt-private.pem');
  if (!existsSync(publicFile) || !existsSync(privateFile)) {
    const pair = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(publicFile, pair.publicKey);
    writeFileSync(privateFile, pair.privateKey, { mode: 0o600 });
  }
  return {
    publicKey: readFileSync(publicFile, 'utf8'),
    privateKey: readFileSync(privateFile, 'utf8'),
  };
}

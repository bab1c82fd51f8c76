import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from './tls-certificate';

describe('selfSignedCertificate', () => {
  const now = new Date('2025-03-01T12:00:00Z');
  const { cert, key } = selfSignedCertificate(['localhost', '127.0.0.1', '::1'], now);
  const x509 = new X509Certificate(cert);

  it('is a CA that signed itself, for loopback names and addresses', () => {
    expect(x509.ca).toBe(true);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkIssued(x509)).toBe(true);
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkIP('::1')).toBe('::1');
    expect(x509.checkIP('10.0.0.1')).toBeUndefined();
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
  });

  it('is valid from an hour before now for a year, and comes with its private key', () => {
    expect(new Date(x509.validFrom).toISOString()).toBe('2025-03-01T11:00:00.000Z');
    expect(new Date(x509.validTo).toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(x509.checkPrivateKey(createPrivateKey(key))).toBe(true);
  });

  it('makes a new key and serial number each time', () => {
    const other = new X509Certificate(selfSignedCertificate().cert);
    expect(other.serialNumber).not.toBe(x509.serialNumber);
    expect(other.publicKey.export({ format: 'der', type: 'spki' })).not.toEqual(
      x509.publicKey.export({ format: 'der', type: 'spki' }),
    );
  });
});

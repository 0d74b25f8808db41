import { Secret, TOTP } from 'otpauth';

/**
 * RFC 6238 time-based one-time codes as every authenticator app reads them: SHA-1, 6 digits,
 * 30-second steps (the defaults Google Authenticator, Microsoft Authenticator and FreeOTP share).
 * `otpauth` does the HMAC and the base32; this file fixes the parameters and the step rules.
 */
export const TOTP_PERIOD_S = 30;
/** one step either side: a phone clock up to ≈30 s off still works */
const WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32; // 160 bits, RFC 4226's recommendation
}

function totpFor(secret: string, label = 'Yorisoi', issuer = 'Yorisoi'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_S,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totpFor(secret, account, issuer).toString();
}

/** Digits only: "123 456" and full-width "１２３４５６" as typed with an IME are accepted. */
export function normalizeCode(code: string): string {
  return code.normalize('NFKC').replace(/[\s-]/g, '');
}

/**
 * The 30-second step the code belongs to, or null when it is not a current code.
 * The caller refuses a step at or below the last one accepted, so a code works only once.
 */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const token = normalizeCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret).validate({ token, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_S) + delta;
}

/** For tests and the enrolment check: the code an app would show at `now`. */
export function codeAt(secret: string, now: Date): string {
  return totpFor(secret).generate({ timestamp: now.getTime() });
}

/**
 * Every error that crosses a boundary (IPC, web host, CLI, bundle import) carries one of these
 * codes. The renderer translates `errors.<code>`; the CLI prints `<code>: <message>`.
 */
export const ERROR_CODES = [
  // case file and key slots
  'CASEFILE_NOT_FOUND',
  'CASEFILE_EXISTS',
  'KEYSLOTS_MISSING',
  'KEYSLOTS_DAMAGED',
  'NOT_A_CASEFILE',
  'SCHEMA_TOO_NEW',
  'UNKNOWN_LOGIN',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_CODE',
  'LOGIN_EXISTS',
  'LAST_ADMIN_SLOT',
  'WEAK_PASSPHRASE',
  'INTEGRITY_FAILED',
  'LOCKED',
  'LOCKED_DURING_WORK',
  'SIGNIN_LOCKED',
  'SECOND_FACTOR_REQUIRED',
  'WRONG_SECOND_FACTOR',
  // files outside the case file: backups, exports
  'DISK_FULL',
  'BACKUP_FOLDER_UNAVAILABLE',
  'READ_ONLY',
  'TARGET_FOLDER_UNAVAILABLE',
  // contract and use cases
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'INTERNAL',
  // consultations: reference lists
  'UNKNOWN_DISEASE',
  'UNKNOWN_MUNICIPALITY',
  // admission coordination: no hospital hears of the patient without recorded consent
  'COORDINATION_NO_CONSENT',
  'COORDINATION_ENDED',
  // a referral (T3 letter) from a coordination request
  'COORDINATION_NOT_ACCEPTED',
  'REFERRAL_MISMATCH',
  'REFERRAL_EXISTS',
  // sync: identity cards, bundles and receipts
  'CARD_INVALID',
  'FINGERPRINT_MISMATCH',
  'BUNDLE_CORRUPT',
  'BUNDLE_WRONG_RECIPIENT',
  'BUNDLE_UNKNOWN_SENDER',
  'BUNDLE_BAD_SIGNATURE',
  'BUNDLE_TOO_NEW',
  'BUNDLE_WRONG_KIND',
  'BUNDLE_NOT_APPLICABLE',
  // referrals, consent and letters
  'CONSENT_REQUIRED',
  'CONSENT_SCOPE',
  'OVERRIDE_REASON_REQUIRED',
  'ILLEGAL_TRANSITION',
  'PERSON_REQUIRED',
  'PDF_FAILED',
  'LETTER_TOO_LARGE',
  'CARD_IS_OWN',
  'PEER_KEYS_CHANGED',
  'SYNC_FOLDER_NOT_SET',
  'SYNC_FOLDER_UNAVAILABLE',
  'SYNC_BUSY',
  'FILE_NOT_FOUND',
  'FILE_UNWRITABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  code: ErrorCode;
  message: string;
  /** zod issues or other structured detail that helps the user fix the input */
  issues?: { path: string; message: string }[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorDetail['issues'];
  constructor(code: ErrorCode, message: string, issues?: ErrorDetail['issues']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
  toDetail(): ErrorDetail {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

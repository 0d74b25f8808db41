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
  /** among the passwords anyone tries first (db/common-passphrases.ts) */
  'COMMON_PASSPHRASE',
  'INTEGRITY_FAILED',
  'NATIVE_MODULE',
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
  /** browser mode: the page was opened without the address that carries the token */
  'TOKEN_REQUIRED',
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
  /** larger than any sync file (checked before decrypting) */
  'BUNDLE_TOO_LARGE',
  /** the sender may not change this case file's records (the prefecture, a statistics peer) */
  'BUNDLE_NOT_ALLOWED',
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
  /** an export aimed at the case file, its key slots, sign-in counter or a backup */
  'EXPORT_TARGET_PROTECTED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What is wrong with one input field, in words the renderer can translate: the field's path, a
 * kind, and a limit where one applies. `message` is the validator's own English, for the CLI
 * and logs only (never shown in the app).
 */
export const ISSUE_KINDS = [
  'required',
  'choice',
  'format',
  'range',
  'tooLong',
  'tooMany',
  'invalid',
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];
export interface InputIssue {
  path: string;
  message: string;
  kind?: IssueKind;
  limit?: number;
}

export interface ErrorDetail {
  code: ErrorCode;
  message: string;
  /** zod issues or other structured detail that helps the user fix the input */
  issues?: InputIssue[];
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

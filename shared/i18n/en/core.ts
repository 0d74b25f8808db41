import type { ja } from '../ja/core';

import type { Shape } from '../shape';

export const en: Shape<typeof ja> = {
  app: { title: 'Yorisoi', tagline: 'Consultation records for intractable-disease support centers' },
  errors: {
    CASEFILE_NOT_FOUND: 'The case file was not found.',
    CASEFILE_EXISTS: 'A case file already exists here.',
    KEYSLOTS_MISSING: 'The key file (.keys) is missing. Put it in the same folder as the case file.',
    KEYSLOTS_DAMAGED: 'The key file (.keys) is damaged. Restore it from a backup.',
    NOT_A_CASEFILE: 'This file is not a Yorisoi case file.',
    SCHEMA_TOO_NEW: 'This case file was made by a newer Yorisoi. Please update the app.',
    UNKNOWN_LOGIN: 'There is no account with this login.',
    WRONG_PASSPHRASE: 'The passphrase is not correct.',
    WRONG_RECOVERY_CODE: 'The recovery code is not correct.',
    LOGIN_EXISTS: 'This login is already in use.',
    LAST_ADMIN_SLOT: 'The last key cannot be removed.',
    WEAK_PASSPHRASE: 'Use at least 10 characters, with some variety.',
    INTEGRITY_FAILED: 'The case file failed its integrity check.',
    LOCKED: 'Locked. Please log in again.',
    INVALID_INPUT: 'Some of the input is not valid.',
    UNKNOWN_CHANNEL: 'Unknown operation.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'This conflicts with another change. Reload and try again.',
    UNAUTHORIZED: 'Please log in.',
    INTERNAL: 'An unexpected error occurred.',
  },
};

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
    COMMON_PASSPHRASE: 'That passphrase is among the first anyone tries. Put together words of your own.',
    INTEGRITY_FAILED: 'The case file failed its integrity check.',
    NATIVE_MODULE:
      'The part that opens the case file (the SQLite module) could not be loaded: it does not match this version of the app. Reinstall Yorisoi (in development, run npm start again). The case file was not touched.',
    LOCKED: 'Locked. Please log in again.',
    LOCKED_DURING_WORK:
      'The case file was locked while this was running, so none of it was saved (nothing is half-applied). Log in and try again.',
    SIGNIN_LOCKED: 'Too many failed attempts. Please wait a while and try again.',
    SECOND_FACTOR_REQUIRED: 'Enter the 6-digit code from your authenticator app.',
    WRONG_SECOND_FACTOR: 'The authentication code is not correct.',
    DISK_FULL: 'The destination is full. The case file is unchanged.',
    BACKUP_FOLDER_UNAVAILABLE: 'The backup folder cannot be used (USB stick removed, read-only, …).',
    READ_ONLY: 'That place cannot be written (a read-only folder or medium). The case file is unchanged.',
    TARGET_FOLDER_UNAVAILABLE:
      'The folder to save to is not there (is the USB stick plugged in?). Nothing was written.',
    INVALID_INPUT: 'Some of the input is not valid.',
    UNKNOWN_CHANNEL: 'Unknown operation.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'This conflicts with another change. Reload and try again.',
    UNAUTHORIZED: 'Please log in.',
    TOKEN_REQUIRED: 'Open the address printed when browser mode started (it carries the access key).',
    INTERNAL: 'An unexpected error occurred.',
    UNKNOWN_DISEASE:
      'This number is not on the list of designated intractable diseases. Check it, or write the disease under other disease.',
    UNKNOWN_MUNICIPALITY:
      'This municipality code is not on the municipality list (no such municipality on the consultation date).',
    COORDINATION_NO_CONSENT:
      'No consent to give the person’s details to hospitals is recorded (or it was withdrawn). Record the consent first. Nothing was saved.',
    COORDINATION_ENDED: 'This coordination has ended (accepted, withdrawn or no hospital found).',
    COORDINATION_NOT_ACCEPTED:
      'This coordination has not ended in an acceptance yet. The T3 letter can be made once a hospital has accepted. Nothing was saved.',
    REFERRAL_MISMATCH:
      'The referral does not match the coordination request (consultation, person, accepting hospital, template T3). Nothing was saved.',
    REFERRAL_EXISTS: 'This coordination already has its letter (referral). Open that one. Nothing was saved.',
    CARD_INVALID: 'The identity card is not valid (damaged or altered).',
    FINGERPRINT_MISMATCH: 'The confirmation code does not match. Check the code read out over the phone.',
    BUNDLE_CORRUPT: 'The sync file is damaged (cut short or altered). Nothing was imported.',
    BUNDLE_WRONG_RECIPIENT:
      'This sync file is not addressed to this device (or its header is damaged). Nothing was imported.',
    BUNDLE_UNKNOWN_SENDER: 'This sync file comes from a device that is not paired. Nothing was imported.',
    BUNDLE_BAD_SIGNATURE: "The sync file's signature does not match the sender's key. Nothing was imported.",
    BUNDLE_TOO_NEW: 'This sync file was made by a newer Yorisoi. Please update the app.',
    BUNDLE_WRONG_KIND: 'Wrong kind of file (a sync bundle and a receipt may have been mixed up).',
    BUNDLE_NOT_APPLICABLE: 'The sync file could not be applied to this case file. Nothing was imported.',
    BUNDLE_TOO_LARGE: 'The file is too large to be a sync file. Nothing was imported.',
    BUNDLE_NOT_ALLOWED:
      'This sender (the prefecture, or another device you share only statistics with) may not change this case file’s records or staff. Nothing was imported.',
    CONSENT_REQUIRED:
      'No valid (unwithdrawn) consent covers giving information to this recipient. Record the consent, or choose the emergency exception (protection of life or body) and write the reason.',
    CONSENT_SCOPE:
      'The letter includes information the consent does not cover. Include fewer items, or record a wider consent.',
    OVERRIDE_REASON_REQUIRED: 'The emergency exception (protection of life or body) needs a written reason.',
    ILLEGAL_TRANSITION:
      'The referral cannot change to that state (completed and cancelled referrals are final).',
    PERSON_REQUIRED: 'A referral needs an identified person: link the consultation to a person first.',
    PDF_FAILED: 'The PDF could not be made. Nothing was saved.',
    LETTER_TOO_LARGE: 'The letter is too large (shorten the text). Nothing was saved.',
    CARD_IS_OWN: "This is this device's own identity card. Choose the other device's card.",
    PEER_KEYS_CHANGED:
      'This device id is paired with other keys. If the other device was set up again, unpair it first.',
    SYNC_FOLDER_NOT_SET: 'No exchange folder is set. Set one on the Sync screen.',
    SYNC_FOLDER_UNAVAILABLE:
      'The folder is not there (a USB stick unplugged, a network drive not connected, …).',
    SYNC_BUSY: 'Another sync file is being processed. Try again when it has finished.',
    FILE_NOT_FOUND: 'The file is not there. Check its folder and name.',
    FILE_UNWRITABLE: 'The file cannot be written (no such folder, read-only, …). The case file is unchanged.',
    EXPORT_TARGET_PROTECTED:
      'That is the case file, its key file or a backup. Choose another name or folder. Nothing was written.',
  },
};

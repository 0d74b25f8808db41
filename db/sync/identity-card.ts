import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { fingerprintOf } from './fingerprint';
import type { DeviceIdentity } from './identity';
import { signText, verifyText } from './signing';

export const CARD_FORMAT = 'yorisoi-identity-card';
/** 2 adds the center id (0010); a version-1 card (no center id) is still read. */
export const CARD_VERSION = 2;

/** The public half of an identity, exchanged as a file to pair two installations. */
export const identityCard = z.object({
  format: z.literal(CARD_FORMAT),
  version: z.union([z.literal(1), z.literal(CARD_VERSION)]),
  deviceId: z.string().min(1).max(100),
  centerName: z.string().max(200),
  /** the center this installation works for: the same on every copy restored from its backups */
  centerId: z.string().min(1).max(100).optional(),
  /** a hint for the other side's default sharing profile */
  role: z.enum(['center', 'prefecture']),
  /** Ed25519 public key, raw 32 bytes in base64url */
  signKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** the age X25519 recipient bundles for this device are encrypted to */
  ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/),
  /** by the card's own key: the card was made by whoever holds it, and was not edited */
  signature: z.string().min(1),
});
export type IdentityCard = z.infer<typeof identityCard>;

function signedText(c: Omit<IdentityCard, 'signature'>): string {
  const lines = [`${CARD_FORMAT}/v${c.version}`, c.deviceId, c.centerName, c.role, c.signKey, c.ageRecipient];
  if (c.version >= 2) lines.push(c.centerId ?? '');
  return lines.join('\n');
}

export function makeCard(id: DeviceIdentity): IdentityCard {
  const body = {
    format: CARD_FORMAT,
    version: CARD_VERSION,
    deviceId: id.deviceId,
    centerName: id.centerName,
    centerId: id.centerId,
    role: id.mode,
    signKey: id.signPublic,
    ageRecipient: id.ageRecipient,
  } as const;
  return { ...body, signature: signText(id.signPrivate, signedText(body)) };
}

/** Parses and checks a card file's text: CARD_INVALID when malformed, altered or not a card. */
export function parseCard(text: string): IdentityCard & { fingerprint: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('CARD_INVALID', 'This is not an identity card (not JSON).');
  }
  const r = identityCard.safeParse(raw);
  if (!r.success) {
    const format = (raw as { format?: unknown; version?: unknown } | null)?.format;
    const version = (raw as { version?: unknown } | null)?.version;
    if (format === CARD_FORMAT && typeof version === 'number' && version > CARD_VERSION) {
      throw new AppError('BUNDLE_TOO_NEW', 'This identity card was made by a newer Yorisoi. Update the app.');
    }
    throw new AppError('CARD_INVALID', 'This is not a valid Yorisoi identity card.');
  }
  if (!verifyText(r.data.signKey, signedText(r.data), r.data.signature)) {
    throw new AppError('CARD_INVALID', 'The identity card was altered (its signature does not match).');
  }
  return { ...r.data, fingerprint: fingerprintOf(r.data) };
}

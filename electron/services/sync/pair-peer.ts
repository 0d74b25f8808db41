import { readFileSync, statSync } from 'node:fs';
import { backfillOps } from '../../../db/sync/backfill';
import { findPeer, insertPeer, resolvePeer, updatePeer as changePeer } from '../../../db/sync/peers';
import { parseCard } from '../../../db/sync/identity-card';
import type { ParsedInput } from '../../../shared/contract';
import type { PeerDto } from '../../../shared/contract/sync';
import { pruneAcknowledged } from '../../../db/sync/prune';
import { AppError } from '../../../shared/errors';
import { nowIso, opWriter } from '../context';
import { centerOf, releaseKeptApart } from './kept-apart';
import { deviceIdentity } from './identity-service';
import { toPeerDto } from './peer-dto';
import { inTransaction, nothingChanged, type UnitOfWork } from '../unit-of-work';

function readCard(path: string) {
  let text: string;
  try {
    if (statSync(path).size > 64 * 1024)
      throw new AppError('CARD_INVALID', 'This file is too large to be a card.');
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FILE_NOT_FOUND', `Cannot read ${path}`);
  }
  return parseCard(text);
}

/** The prefecture gets statistics unless someone decides otherwise; a center's own devices, everything. */
const defaultProfile = (role: 'center' | 'prefecture') => (role === 'prefecture' ? 'statistics' : 'full');

const normalizeCode = (s: string) => s.toUpperCase().replace(/[^A-Z2-7]/g, '');

export async function previewCard(ctx: UnitOfWork, path: string) {
  const card = readCard(path);
  const me = await deviceIdentity(ctx);
  const existing = await findPeer(ctx.db, card.deviceId);
  const sameCenter = card.centerId
    ? await ctx.db
        .selectFrom('sync_peers')
        .select(['device_id', 'center_name', 'label'])
        .where('center_id', '=', card.centerId)
        .where('device_id', '!=', card.deviceId)
        .where('active', '=', 1)
        .orderBy('paired_at')
        .execute()
    : [];
  return {
    deviceId: card.deviceId,
    centerName: card.centerName,
    role: card.role,
    fingerprint: card.fingerprint,
    suggestedProfile: defaultProfile(card.role),
    alreadyPaired: !!existing?.active,
    isThisDevice: card.deviceId === me.deviceId,
    sameCenterPeers: sameCenter.map((p) => ({
      deviceId: p.device_id,
      centerName: p.center_name,
      label: p.label,
    })),
  } as const;
}

/**
 * Pairs with the device whose card this is. The screen shows the card's fingerprint and asks
 * that it be compared with the other side's by phone; given `expectedFingerprint`, a mismatch
 * refuses. Pairing again with the same keys updates the profile or label; other keys under a
 * known device id are refused (unpair first: a device that lost its keys takes a new id).
 */
export async function addPeer(ctx: UnitOfWork, input: ParsedInput<'sync.addPeer'>): Promise<PeerDto> {
  const card = readCard(input.path);
  const me = await deviceIdentity(ctx);
  if (card.deviceId === me.deviceId) throw new AppError('CARD_IS_OWN', "This is this device's own card.");
  if (
    input.expectedFingerprint &&
    normalizeCode(input.expectedFingerprint) !== normalizeCode(card.fingerprint)
  ) {
    throw new AppError('FINGERPRINT_MISMATCH', 'The fingerprint does not match this card.');
  }
  const profile = input.profile ?? defaultProfile(card.role);
  const t = nowIso(ctx);
  // the center it delivers for: as the prefecture files it, else as its card says
  const centerId = input.sameCenterAs
    ? centerOf(await resolvePeer(ctx.db, input.sameCenterAs))
    : (card.centerId ?? card.deviceId);
  await inTransaction(ctx, async (trx, ctx) => {
    // rows made without an op (the first administrator) get one now, so the queue counts them
    await backfillOps(trx, opWriter(ctx));
    const existing = await findPeer(trx, card.deviceId);
    const newKeys =
      !!existing && (existing.sign_key !== card.signKey || existing.age_recipient !== card.ageRecipient);
    if (newKeys && existing.active) {
      throw new AppError('PEER_KEYS_CHANGED', 'This device id is paired with other keys. Unpair it first.');
    }
    if (existing) {
      await changePeer(trx, card.deviceId, {
        active: 1,
        profile,
        label: input.label ?? existing.label,
        center_name: card.centerName,
        role: card.role,
        sign_key: card.signKey,
        age_recipient: card.ageRecipient,
        fingerprint: card.fingerprint,
        center_id: centerId,
      });
    } else {
      await insertPeer(trx, {
        device_id: card.deviceId,
        center_name: card.centerName,
        label: input.label ?? null,
        role: card.role,
        sign_key: card.signKey,
        age_recipient: card.ageRecipient,
        fingerprint: card.fingerprint,
        profile,
        active: 1,
        paired_at: t,
        paired_by: ctx.actor.id,
        acked: '{}',
        last_export_at: null,
        last_export_ops: null,
        last_receipt_at: null,
        last_import_at: null,
        last_import_ops: null,
        center_id: centerId,
      });
    }
    // ops this device delivered before, kept apart, may now belong to its center
    if (existing) await releaseKeptApart(ctx, trx);
    ctx.audit.note('sync.peer.add', {
      entity: 'sync_peer',
      entityId: card.deviceId,
      detail: {
        centerName: card.centerName,
        centerId,
        fingerprint: card.fingerprint,
        profile,
        again: !!existing,
        newKeys,
      },
    });
  });
  return toPeerDto(ctx.caseFile.sqlite, (await findPeer(ctx.db, card.deviceId))!, ctx.now().getTime());
}

export async function updatePeer(ctx: UnitOfWork, input: ParsedInput<'sync.updatePeer'>): Promise<PeerDto> {
  const peer = await resolvePeer(ctx.db, input.peer);
  const center = input.sameCenterAs ? centerOf(await resolvePeer(ctx.db, input.sameCenterAs)) : undefined;
  const changes = {
    // only what differs: the same label saved again is no change (and no entry)
    ...(input.profile && input.profile !== peer.profile ? { profile: input.profile } : {}),
    ...(input.label !== undefined && (input.label || null) !== peer.label
      ? { label: input.label || null }
      : {}),
    ...(center !== undefined && center !== centerOf(peer) ? { center_id: center } : {}),
  };
  await inTransaction(ctx, async (trx, ctx) => {
    if (Object.keys(changes).length === 0) return nothingChanged(ctx, 'sync.peer.update');
    await changePeer(trx, peer.device_id, changes);
    const released = changes.center_id ? await releaseKeptApart(ctx, trx) : 0;
    ctx.audit.note('sync.peer.update', {
      entity: 'sync_peer',
      entityId: peer.device_id,
      detail: {
        ...changes,
        before: { profile: peer.profile, label: peer.label, center_id: centerOf(peer) },
        ...(released ? { released } : {}),
      },
    });
  });
  return toPeerDto(ctx.caseFile.sqlite, (await findPeer(ctx.db, peer.device_id))!, ctx.now().getTime());
}

export async function removePeer(ctx: UnitOfWork, ref: string) {
  const peer = await resolvePeer(ctx.db, ref);
  await inTransaction(ctx, async (trx, ctx) => {
    await changePeer(trx, peer.device_id, { active: 0 });
    // a retired device no longer holds pruning back (db/sync/prune.ts)
    pruneAcknowledged(ctx.caseFile.sqlite);
    ctx.audit.note('sync.peer.remove', { entity: 'sync_peer', entityId: peer.device_id });
  });
  return { ok: true as const };
}

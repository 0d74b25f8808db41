import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SqliteDb } from '../sqlite/open-encrypted';
import { onTransactionEnd } from '../sqlite/transaction-end';

/** The fields an entry's MAC covers, besides the MAC of the entry before it. */
export interface ChainedContent {
  at: string;
  staff_id: string | null;
  login: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
}

/** One unambiguous encoding (a JSON array: no field can bleed into the next). */
export function chainPayload(r: ChainedContent): string {
  return JSON.stringify([1, r.at, r.staff_id, r.login, r.action, r.entity, r.entity_id, r.detail]);
}

export const MAC_FUNCTION = 'yorisoi_audit_mac';
export const HEAD_FUNCTION = 'yorisoi_audit_head';

/**
 * HMAC-SHA256 over an entry and its predecessor's MAC. The key lives only in this object (and
 * in SQL functions registered on the one connection of an unlocked case file, so writeAudit can
 * chain an entry in a single INSERT). `forget()` overwrites it when the file is locked.
 */
export class AuditChain {
  #key: Buffer;
  /** the newest entry this connection wrote and committed (checked before the anchor moves) */
  lastHead: { id: number; mac: string } | null = null;
  #pending: { id: number; mac: string } | null = null;

  constructor(key: Buffer) {
    this.#key = Buffer.from(key);
  }

  mac(payload: string, prevMac: string | null): string {
    return createHmac('sha256', this.#key)
      .update(payload)
      .update('\n')
      .update(prevMac ?? '-')
      .digest('hex');
  }

  /**
   * The head: which entry is the newest, under the key. Deleting the newest entries (which
   * leaves an unbroken but shorter chain) no longer matches it.
   */
  head(id: number, mac: string): string {
    const tag = createHmac('sha256', this.#key).update(`head\n${id}\n${mac}`).digest('hex');
    return JSON.stringify({ id, mac, tag });
  }

  headMatches(stored: string, id: number, mac: string): boolean {
    return safeEqual(stored, this.head(id, mac));
  }

  /** The tag of the anchor kept in the key-slot file (anchor.ts), bound to the file's id. */
  anchorTag(fileId: string, id: number, mac: string, at: string): string {
    return createHmac('sha256', this.#key).update(`anchor\n${fileId}\n${id}\n${mac}\n${at}`).digest('hex');
  }

  /** Lets SQL on this connection compute MACs (never read the key). */
  register(sqlite: SqliteDb): void {
    sqlite.function(MAC_FUNCTION, { deterministic: true }, (payload: unknown, prev: unknown) =>
      this.mac(String(payload), prev === null ? null : String(prev)),
    );
    sqlite.function(HEAD_FUNCTION, { deterministic: true }, (id: unknown, mac: unknown) => {
      this.#pending = { id: Number(id), mac: String(mac) };
      return this.head(Number(id), String(mac));
    });
    onTransactionEnd(sqlite, {
      committed: () => {
        if (this.#pending) this.lastHead = this.#pending;
        this.#pending = null;
      },
      rolledBack: () => (this.#pending = null),
    });
  }

  forget(): void {
    this.#key.fill(0);
  }
}

export function safeEqual(a: string | null, b: string): boolean {
  if (a === null) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

import type { SqliteDb } from '../sqlite/open-encrypted';

/**
 * Which paired device first brought each origin's ops (sync_origins), and so which center they
 * belong to: the center that device delivers for (sync_peers.center_id, 0010). A center's
 * outreach laptop reaches the prefecture through the center's office PC, or directly once the
 * prefecture files the laptop under that center; an office PC restored from a backup keeps its
 * center id: all of them count for one center.
 *
 * In prefecture mode each center's data is kept apart: an op is applied only when its origin
 * and the row it writes both belong to the center of the device that sent it. Anything else (a
 * center forwarding another center's ops, or editing another center's row) is kept, not applied.
 */
export class OriginBook {
  #known = new Map<string, string | null>();
  #insert;
  #originCenter;
  #creatorCenter;
  readonly senderCenter: string;

  constructor(
    sqlite: SqliteDb,
    private readonly sender: string,
    private readonly now: string,
    private readonly prefecture: boolean,
  ) {
    this.#insert = sqlite.prepare(
      `INSERT INTO sync_origins (origin, via_peer, first_seen_at) VALUES (?, ?, ?) ON CONFLICT (origin) DO NOTHING`,
    );
    this.#originCenter = sqlite.prepare(
      `SELECT coalesce(p.center_id, s.via_peer) AS center FROM sync_origins s
         LEFT JOIN sync_peers p ON p.device_id = s.via_peer WHERE s.origin = ?`,
    );
    this.#creatorCenter = sqlite.prepare(
      `SELECT coalesce(p.center_id, s.via_peer) AS center FROM op_log o
         LEFT JOIN sync_origins s ON s.origin = o.origin
         LEFT JOIN sync_peers p ON p.device_id = s.via_peer
        WHERE o.entity = ? AND o.entity_id = ? ORDER BY o.hlc LIMIT 1`,
    );
    const me = sqlite
      .prepare(`SELECT coalesce(center_id, device_id) AS center FROM sync_peers WHERE device_id = ?`)
      .get(sender) as { center: string } | undefined;
    this.senderCenter = me?.center ?? sender;
  }

  /** Records the origin of a received op (first sender wins). */
  note(origin: string): void {
    if (this.#known.has(origin)) return;
    this.#insert.run(origin, this.sender, this.now);
    this.#known.set(origin, this.#centerOfOrigin(origin));
  }

  #centerOfOrigin(origin: string): string | null {
    return (this.#originCenter.get(origin) as { center: string | null } | undefined)?.center ?? null;
  }

  /** Prefecture mode: true when the op belongs to another center than its sender's. */
  keepsApart(op: { origin: string; entity: string; entityId: string }): boolean {
    if (!this.prefecture) return false;
    const origin = this.#known.has(op.origin) ? this.#known.get(op.origin)! : this.#centerOfOrigin(op.origin);
    if (origin !== this.senderCenter) return true;
    const creator = this.#creatorCenter.get(op.entity, op.entityId) as { center: string | null } | undefined;
    return creator?.center !== this.senderCenter;
  }
}

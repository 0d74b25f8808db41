import type { SqliteDb } from '../sqlite/open-encrypted';

/**
 * Which paired device first brought each origin's ops (sync_origins). A center's outreach
 * laptop reaches the prefecture through the center's office PC: its ops belong to that center.
 *
 * In prefecture mode each center's data is kept apart: an op is applied only when its origin
 * and the row it writes both belong to the center that sent it. Anything else (a center
 * forwarding another center's ops, or editing another center's row) is kept, not applied.
 */
export class OriginBook {
  #known = new Map<string, string | null>();
  #insert;
  #lookup;
  #creator;

  constructor(
    sqlite: SqliteDb,
    private readonly sender: string,
    private readonly now: string,
    private readonly prefecture: boolean,
  ) {
    this.#insert = sqlite.prepare(
      `INSERT INTO sync_origins (origin, via_peer, first_seen_at) VALUES (?, ?, ?) ON CONFLICT (origin) DO NOTHING`,
    );
    this.#lookup = sqlite.prepare(`SELECT via_peer FROM sync_origins WHERE origin = ?`);
    this.#creator = sqlite.prepare(
      `SELECT s.via_peer FROM op_log o LEFT JOIN sync_origins s ON s.origin = o.origin
        WHERE o.entity = ? AND o.entity_id = ? ORDER BY o.hlc LIMIT 1`,
    );
  }

  /** Records the origin of a received op (first sender wins). */
  note(origin: string): void {
    if (this.#known.has(origin)) return;
    this.#insert.run(origin, this.sender, this.now);
    const row = this.#lookup.get(origin) as { via_peer: string | null } | undefined;
    this.#known.set(origin, row?.via_peer ?? null);
  }

  /** Prefecture mode: true when the op belongs to another center than its sender. */
  keepsApart(op: { origin: string; entity: string; entityId: string }): boolean {
    if (!this.prefecture) return false;
    if (this.#known.get(op.origin) !== this.sender) return true;
    const creator = this.#creator.get(op.entity, op.entityId) as { via_peer: string | null } | undefined;
    return creator?.via_peer !== this.sender;
  }
}

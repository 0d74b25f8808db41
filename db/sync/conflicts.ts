import { createHash } from 'node:crypto';
import type { SqliteDb } from '../sqlite/open-encrypted';
import { LIST_FIELDS, tableOf } from './entities';
import { groupClock, groupNamed, groupValue } from './field-groups';
import { ConsultationListReader } from './list-fields';
import { ReplacedValues } from './replaced';
import { clockOf, decodeClocks } from './row-clocks';

/**
 * Conflicts are a function of the ops alone, so every device that holds the same ops lists the
 * same conflicts, whatever order the ops arrived in.
 *
 * For one field of one row, the ops that wrote it form a tree: each op names (in `prev`) the
 * clock of the value it replaced. The winner is the op with the highest HLC (last writer wins).
 * Its ancestors were seen by whoever wrote it: replaced knowingly. Any other op's value was
 * overwritten by someone who never saw it: a conflict for a person to review. Only the tip of
 * each losing branch is listed (a device's own later edit already replaced its earlier one),
 * and a loser whose value the winning line held at some point (the same value written twice,
 * or a value taken back when a conflict was settled) is none: that value was seen.
 *
 * The importer recomputes a field when an op did not build on the value held here (a concurrent
 * edit), or when the field already has a listed conflict. An op that builds on the current value
 * only adds its value to the winning line, which can settle listed conflicts but never create
 * one: so every device reaches the same list.
 */
export function conflictId(entity: string, entityId: string, field: string, loserHlc: string): string {
  return createHash('sha256')
    .update(`${entity}\n${entityId}\n${field}\n${loserHlc}`)
    .digest('hex')
    .slice(0, 32);
}

interface Writer {
  hlc: string;
  prev: string | null;
  value: string;
}

function isListField(entity: string, field: string): boolean {
  return LIST_FIELDS[entity]?.includes(field) ?? false;
}

/**
 * How a value compares. A list field's items compare as a set (the order of a consultation's
 * categories means nothing, and the child rows the held value is read from keep none); an
 * item's keys in a fixed order.
 */
function valueKey(list: boolean, value: unknown): string {
  if (!list || !Array.isArray(value)) return JSON.stringify(value);
  return JSON.stringify(value.map(sortedKeysJson).sort());
}

function sortedKeysJson(x: unknown): string {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return JSON.stringify(x);
  return JSON.stringify(
    Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  );
}

/** The losing tips for one field, given every applied op that wrote it. */
export function losingTips(writers: Writer[]): { winner: string | null; losers: string[] } {
  if (writers.length === 0) return { winner: null, losers: [] };
  const byHlc = new Map(writers.map((w) => [w.hlc, w]));
  const winner = writers.reduce((a, b) => (b.hlc > a.hlc ? b : a));
  const ancestors = (w: Writer): Set<string> => {
    const out = new Set<string>();
    for (let p = w.prev; p !== null && byHlc.has(p) && !out.has(p); p = byHlc.get(p)!.prev) out.add(p);
    return out;
  };
  const seenByWinner = ancestors(winner);
  const keptValues = new Set([winner.value, ...[...seenByWinner].map((h) => byHlc.get(h)!.value)]);
  const losing = writers.filter((w) => w !== winner && !seenByWinner.has(w.hlc));
  const replacedWithinBranch = new Set<string>();
  for (const w of losing) for (const a of ancestors(w)) replacedWithinBranch.add(a);
  const losers = losing
    .filter((w) => !replacedWithinBranch.has(w.hlc) && !keptValues.has(w.value))
    .map((w) => w.hlc)
    .sort();
  return { winner: winner.hlc, losers };
}

/** Recomputes the conflict rows of one field of one row from the op log. */
export class ConflictRecorder {
  #ops;
  #existing;
  #insert;
  #delete;
  #clocks;
  #replaced;
  #rowReads = new Map<string, ReturnType<SqliteDb['prepare']>>();
  #lists;

  constructor(
    private readonly sqlite: SqliteDb,
    private readonly now: string,
  ) {
    this.#ops = sqlite.prepare(
      `SELECT o.hlc, o.fields, o.prev, p.fields AS pending
         FROM op_log o LEFT JOIN sync_pending p ON p.origin = o.origin AND p.seq = o.seq
        WHERE o.entity = ? AND o.entity_id = ?`,
    );
    this.#existing = sqlite.prepare(
      `SELECT id, loser_hlc FROM sync_conflicts WHERE entity = ? AND entity_id = ? AND field = ?`,
    );
    this.#insert = sqlite.prepare(
      `INSERT INTO sync_conflicts (id, entity, entity_id, field, loser_hlc, detected_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#delete = sqlite.prepare(`DELETE FROM sync_conflicts WHERE id = ?`);
    this.#clocks = sqlite.prepare(`SELECT clocks FROM row_clocks WHERE entity = ? AND entity_id = ?`);
    this.#replaced = new ReplacedValues(sqlite);
    this.#lists = new ConsultationListReader(sqlite);
  }

  /**
   * The value the row holds now, as a writer, when the op that wrote it is no longer in the log
   * (pruned once every peer had it, or brought by a snapshot: db/sync/prune.ts). Its ancestors
   * are unknown, so an op that did not build on it and lost to it is still listed as a conflict.
   */
  #heldValue(entity: string, entityId: string, members: readonly string[], field: string): Writer | null {
    const table = tableOf(entity);
    if (!table) return null;
    const row = this.#clocks.get(entity, entityId) as { clocks: string } | undefined;
    const clocks = decodeClocks(row?.clocks);
    const group = groupNamed(entity, field);
    const hlc = group ? groupClock(group, (f) => clockOf(clocks, f)) : clockOf(clocks, field);
    if (hlc === null) return null;
    // a list field is held in child rows (a consultation's categories, responses, …)
    const list = isListField(entity, field);
    if (list && group) return null;
    let values: Record<string, unknown> | undefined;
    try {
      const columns = list ? ['id'] : members;
      const key = `${table}:${columns.join(',')}`;
      let stmt = this.#rowReads.get(key);
      if (!stmt) {
        stmt = this.sqlite.prepare(
          `SELECT ${columns.map((m) => `"${m}"`).join(', ')} FROM "${table}" WHERE id = ?`,
        );
        this.#rowReads.set(key, stmt);
      }
      values = stmt.get(entityId) as Record<string, unknown> | undefined;
    } catch {
      return null; // a field this schema lacks
    }
    if (!values) return null;
    if (list) return { hlc, prev: null, value: valueKey(true, this.#lists.read(entityId, field)) };
    const value = group ? groupValue(group, values, group.compare) : values[field];
    return { hlc, prev: null, value: JSON.stringify(value) };
  }

  /** Returns how many conflicts are new for this field (or transition: a group's name). */
  recompute(entity: string, entityId: string, field: string): number {
    const group = groupNamed(entity, field);
    const members = group ? group.fields : [field];
    const list = isListField(entity, field);
    const writers: Writer[] = [];
    for (const o of this.#ops.all(entity, entityId) as {
      hlc: string;
      fields: string;
      prev: string;
      pending: string | null;
    }[]) {
      const fields = JSON.parse(o.fields) as Record<string, unknown>;
      const wrote = members.filter((m) => m in fields);
      if (wrote.length === 0) continue;
      // a parked value is not applied yet: it joins the comparison once it is
      if (o.pending && (JSON.parse(o.pending) as string[]).some((f) => wrote.includes(f))) continue;
      const prevs = JSON.parse(o.prev) as Record<string, string | null>;
      if (group) {
        // a transition replaced the group as a whole; writers differ only on what a person chose
        const prev = groupClock(group, (m) => (m in fields ? (prevs[m] ?? null) : null));
        writers.push({ hlc: o.hlc, prev, value: JSON.stringify(groupValue(group, fields, group.compare)) });
      } else {
        writers.push({ hlc: o.hlc, prev: prevs[field] ?? null, value: valueKey(list, fields[field]) });
      }
    }
    // values overwritten unseen after their op was pruned (db/sync/replaced.ts)
    for (const r of this.#replaced.list(entity, entityId, field)) {
      if (writers.some((w) => w.hlc === r.hlc)) continue;
      const value = group
        ? JSON.stringify(groupValue(group, r.fields, group.compare))
        : valueKey(list, r.fields[field]);
      writers.push({ hlc: r.hlc, prev: null, value });
    }
    if (writers.length > 0) {
      const held = this.#heldValue(entity, entityId, members, field);
      if (held && !writers.some((w) => w.hlc === held.hlc)) writers.push(held);
    }
    const want = new Set(losingTips(writers).losers);
    let added = 0;
    const existing = this.#existing.all(entity, entityId, field) as { id: string; loser_hlc: string }[];
    for (const row of existing) {
      if (!want.has(row.loser_hlc)) this.#delete.run(row.id);
      want.delete(row.loser_hlc);
    }
    for (const loser of want) {
      this.#insert.run(conflictId(entity, entityId, field, loser), entity, entityId, field, loser, this.now);
      added++;
    }
    return added;
  }

  /**
   * Rechecks every field that has listed conflicts. A local edit builds on the current value,
   * so it can only settle a listed conflict (never make one); the use cases that edit records
   * do not know about sync, so the list is refreshed before it is shown or sent.
   */
  refreshListed(): void {
    const fields = this.sqlite
      .prepare(`SELECT DISTINCT entity, entity_id, field FROM sync_conflicts`)
      .all() as { entity: string; entity_id: string; field: string }[];
    for (const f of fields) this.recompute(f.entity, f.entity_id, f.field);
  }

  /** Recomputes the fields an import marked (entity\0id\0field keys); returns new conflicts. */
  recomputeAll(keys: Iterable<string>): number {
    let added = 0;
    for (const key of keys) {
      const [entity, entityId, field] = key.split('\0') as [string, string, string];
      added += this.recompute(entity, entityId, field);
    }
    return added;
  }
}

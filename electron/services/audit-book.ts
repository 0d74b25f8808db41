import type { Kysely } from 'kysely';
import { writeAudit, type AuditEntry } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from './context';

/** What a use case says about its audit entry: the action is the channel's (shared/channel-access.ts). */
export interface AuditNote {
  entity?: string | null;
  entityId?: string | null;
  /** what changed or was looked at; never the personal data itself */
  detail?: unknown;
}

/**
 * The audit entries of one use case, written by the unit of work (never by the use case):
 * - the channel's own entry (its action declared with the channel), described by `about`;
 * - further entries for records the use case made on the way (`add`: the person created with a
 *   consultation, a follow-up closed by a reply), written before the channel's own;
 * - entries that must stay even when the use case fails and its transaction rolls back
 *   (`onFailure`: a refused bundle), written afterwards in a transaction of their own.
 * `skip` says the use case changed nothing, so there is nothing to log (a form saved unchanged).
 */
export class AuditBook {
  #main: AuditNote = {};
  #mainDone = false;
  #skip = false;
  #described = false;
  #pending: { action: string; note: AuditNote }[] = [];
  #failures: { action: string; note: AuditNote }[] = [];
  #action: string | null;

  constructor(
    private readonly actor: Pick<Actor, 'id' | 'login'>,
    /** the channel's action (or the actions it may choose from), or null: it logs nothing itself */
    private readonly declared: string | readonly string[] | null,
  ) {
    this.#action = typeof declared === 'string' ? declared : (declared?.[0] ?? null);
  }

  get action(): string | null {
    return this.#action;
  }

  /**
   * Entity, id and detail of the channel's own entry; `action` picks one of the actions the
   * channel declares (institution.setActive: activate or deactivate).
   */
  about(note: AuditNote, action?: string): void {
    if (this.#action === null) throw new Error('This use case has no audit action of its own.');
    if (action !== undefined) {
      const allowed = typeof this.declared === 'string' ? [this.declared] : (this.declared ?? []);
      if (!allowed.includes(action)) throw new Error(`"${action}" is not an audit action of this channel.`);
      this.#action = action;
    }
    this.#main = { ...this.#main, ...note };
    this.#described = true;
    this.#mainDone = false;
  }

  /**
   * The entry for `action`: the channel's own when it is the channel's action (and not yet
   * described), else a further one. For helpers that are a use case of their own and a step of
   * others (a follow-up opened by hand, or by a consultation).
   */
  note(action: string, note: AuditNote = {}): void {
    if (action === this.#action && !this.#described) this.about(note);
    else this.add(action, note);
  }

  /** Another entry, in the same transaction (before the channel's own). */
  add(action: string, note: AuditNote = {}): void {
    this.#pending.push({ action, note });
  }

  /** Nothing was changed: the channel's own entry is left out. */
  skip(): void {
    this.#skip = true;
  }

  /** An entry written even when the use case fails (after its transaction rolled back). */
  onFailure(action: string, note: AuditNote = {}): void {
    this.#failures.push({ action, note });
  }

  #entry(action: string, n: AuditNote): AuditEntry {
    return { staffId: this.actor.id, login: this.actor.login, action, ...n };
  }

  /**
   * Writes what is due into `db` (a transaction, or the connection: writeAudit then opens one):
   * the further entries, then the channel's own — at the end of the use case (`final`), or at
   * the end of a staged write once the use case has described it.
   */
  async flush(db: Kysely<DB>, final: boolean): Promise<void> {
    const due = this.#pending.splice(0);
    for (const e of due) await writeAudit(db, this.#entry(e.action, e.note));
    const mainDue = this.#action !== null && !this.#skip && !this.#mainDone && (final || this.#described);
    if (mainDue) {
      await writeAudit(db, this.#entry(this.#action!, this.#main));
      this.#mainDone = true;
    }
  }

  /** Whether anything would be written by a final flush. */
  get hasDue(): boolean {
    return this.#pending.length > 0 || (this.#action !== null && !this.#skip && !this.#mainDone);
  }

  get hasFailures(): boolean {
    return this.#failures.length > 0;
  }

  /** Failure entries of a step, kept by the use case around it too (see UnitOfWork.step). */
  keepFailuresOf(other: AuditBook): void {
    this.#failures.push(...other.#failures);
  }

  async flushFailures(db: Kysely<DB>): Promise<void> {
    for (const e of this.#failures.splice(0)) await writeAudit(db, this.#entry(e.action, e.note));
  }
}

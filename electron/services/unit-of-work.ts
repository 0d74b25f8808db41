import type { Kysely, Transaction } from 'kysely';
import { bindRecords, type Records } from '../../db/records';
import { holdingConnection } from '../../db/sqlite/connection-guard';
import type { DB } from '../../db/schema';
import type { ChannelAccess, ChannelPolicy } from '../../shared/channel-access';
import { AppError } from '../../shared/errors';
import { can, type Permission } from '../../shared/permissions';
import { AuditBook } from './audit-book';
import { nowIso, opWriter, type ServiceContext } from './context';

/** Progress of long work (done of total), for a door that shows it (the CLI prints it). */
export type ProgressSink = (done: number, total: number) => void;

/**
 * What a use case gets instead of the connection: the session (who, which device, the clocks),
 * reads through `db`, writes only through `records` (db/records) inside a transaction the unit
 * of work owns, and its audit entry through `audit` (the action is the channel's). Built by
 * runUseCase below, for the dispatcher and for composite flows (the demo generator).
 *
 * In a `write` use case `db` is the one transaction and `records` is there from the start.
 * Elsewhere `db` reads outside any transaction; a `staged` use case does its outside work first
 * (printing, files, progress) and then commits through `write(…)`.
 */
export class UnitOfWork implements ServiceContext {
  readonly now: () => Date;
  #records: Records | null = null;

  constructor(
    private readonly session: ServiceContext,
    readonly db: Kysely<DB>,
    readonly audit: AuditBook,
    private readonly trx: Transaction<DB> | null,
    private readonly mayWrite: boolean,
    now?: () => Date,
    readonly progress: ProgressSink = () => undefined,
  ) {
    this.now = now ?? session.now;
  }

  get caseFile() {
    return this.session.caseFile;
  }
  get actor() {
    return this.session.actor;
  }
  get deviceId() {
    return this.session.deviceId;
  }
  get clock() {
    return this.session.clock;
  }
  get printer() {
    return this.session.printer;
  }

  /** The record writers, bound to this use case's transaction. */
  get records(): Records {
    if (!this.trx) throw new Error('No transaction here: write through uow.write(…).');
    this.#records ??= bindRecords({
      trx: this.trx,
      writer: opWriter(this),
      staffId: this.actor.id,
      now: () => nowIso(this),
    });
    return this.#records;
  }

  may(permission: Permission): boolean {
    return can(this.actor.role, permission);
  }

  /** For a check that depends on the input (the channel's own permission is the dispatcher's). */
  require(permission: Permission): void {
    if (!this.may(permission)) {
      throw new AppError('FORBIDDEN', `The role "${this.actor.role}" may not do "${permission}".`);
    }
  }

  /**
   * Runs `fn` in a transaction with the record writers; the audit entries described so far
   * commit with it. Inside a write use case, `fn` simply joins the open transaction.
   */
  async write<T>(fn: (w: WriteUnit) => Promise<T>): Promise<T> {
    if (this.trx) return fn(this as unknown as WriteUnit);
    if (!this.mayWrite) throw new Error('A read use case does not write.');
    return this.session.db.transaction().execute((trx) =>
      holdingConnection(async () => {
        const w = new UnitOfWork(this.session, trx, this.audit, trx, true, this.now, this.progress);
        const out = await fn(w as unknown as WriteUnit);
        await this.audit.flush(trx, false);
        return out;
      }),
    );
  }

  /** The same unit with its wall clock at another moment (the demo generator's past). */
  at(when: Date): this {
    return new UnitOfWork(
      this.session,
      this.db,
      this.audit,
      this.trx,
      this.mayWrite,
      () => when,
      this.progress,
    ) as this;
  }

  /**
   * Runs another use case inside this one, with an audit entry of its own (its action, and what
   * it describes): the demo generator records hundreds of consultations in one transaction so,
   * and the folder import runs each file as the import of that file. The step's failure entries
   * (a refused bundle) are written even when the step fails and the use case goes on.
   */
  async step<T>(action: string, fn: (u: this) => Promise<T>): Promise<T> {
    const book = new AuditBook(this.actor, action);
    const inner = new UnitOfWork(
      this.session,
      this.db,
      book,
      this.trx,
      this.mayWrite,
      this.now,
      this.progress,
    );
    try {
      const out = await fn(inner as this);
      if (this.trx) await book.flush(this.trx, true);
      else if (book.hasDue) await this.session.db.transaction().execute((trx) => book.flush(trx, true));
      return out;
    } catch (e) {
      if (book.hasFailures && this.trx) {
        // into this transaction, and kept for after its rollback should the whole use case fail
        this.audit.keepFailuresOf(book);
        await book.flushFailures(this.trx);
      } else if (book.hasFailures) {
        await this.session.db
          .transaction()
          .execute((trx) => book.flushFailures(trx))
          .catch(() => undefined);
      }
      throw e;
    }
  }
}

/** A unit of work inside its transaction. */
export type WriteUnit = UnitOfWork & { readonly db: Transaction<DB>; readonly records: Records };

/** FORBIDDEN unless the actor's role may call a channel with this access rule. */
export function checkAccess(session: ServiceContext, access: ChannelAccess): void {
  if (access === 'locked' || access === 'signed-in' || typeof access === 'object') return;
  if (!can(session.actor.role, access)) {
    throw new AppError('FORBIDDEN', `The role "${session.actor.role}" may not do "${access}".`);
  }
}

/**
 * Runs one use case under its channel's policy: the permission first (a refusal changes
 * nothing), then the use case in its transaction kind, and its audit entry — in the same
 * transaction where it writes, in one of its own after a read. Entries the use case wants kept
 * on failure are written after the rollback.
 */
export async function runUseCase<T>(
  session: ServiceContext,
  policy: ChannelPolicy,
  fn: (u: UnitOfWork) => Promise<T>,
  progress?: ProgressSink,
): Promise<T> {
  checkAccess(session, policy.access);
  const book = new AuditBook(session.actor, policy.audit);
  try {
    if (policy.tx === 'write') {
      return await session.db.transaction().execute((trx) =>
        holdingConnection(async () => {
          const out = await fn(new UnitOfWork(session, trx, book, trx, true, undefined, progress));
          await book.flush(trx, true);
          return out;
        }),
      );
    }
    const out = await fn(
      new UnitOfWork(session, session.db, book, null, policy.tx === 'staged', undefined, progress),
    );
    if (book.hasDue) await session.db.transaction().execute((trx) => book.flush(trx, true));
    return out;
  } catch (e) {
    // the use case's transaction rolled back; what must stay is written now, in one of its own
    if (book.hasFailures) {
      await session.db
        .transaction()
        .execute((trx) => book.flushFailures(trx))
        .catch(() => undefined);
    }
    throw e;
  }
}

/**
 * The unit's write for a helper shared by `write` and `staged` use cases: inside a `write` use
 * case it joins the open transaction; in a `staged` one it is that use case's commit.
 */
export function inTransaction<T>(
  uow: UnitOfWork,
  fn: (trx: Transaction<DB>, w: WriteUnit) => Promise<T>,
): Promise<T> {
  return uow.write((w) => fn(w.db, w));
}

/** A helper changed nothing: where it is the use case itself, its own entry is left out. */
export function nothingChanged(uow: UnitOfWork, action: string): void {
  if (uow.audit.action === action) uow.audit.skip();
}

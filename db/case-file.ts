import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { Kysely } from 'kysely';
import { GuardedSqliteDialect } from './sqlite/connection-guard';
import { AppError } from '../shared/errors';
import { writeAudit } from './audit';
import { anchorNow, BREAK_ACTION, checkTail, type TailBreak } from './audit-chain/anchor';
import { auditKeyFor, saveAuditState } from './audit-chain/audit-key-state';
import { newAuditKey } from './audit-chain/chain-key';
import { AuditChain } from './audit-chain/chain-mac';
import { startChainIfNew } from './audit-chain/start-chain';
import { verifyAuditChain, type ChainReport } from './audit-chain/verify-chain';
import {
  findRecoverySlot,
  findStaffSlot,
  makeSlot,
  normalizeLogin,
  resealSlot,
  rewrapSlot,
  unwrapSlot,
  withAuditKey,
} from './crypto/key-slots';
import { keyslotPath, readKeySlotFile, writeKeySlotFile, type KeySlotBody } from './crypto/keyslot-file';
import { newRecoveryCode, normalizeRecoveryCode } from './crypto/recovery-code';
import { loadMasters } from './masters/load-masters';
import { appliedMigrations, assertSchemaKnown, migrateToLatest } from './migrator';
import { assertPassphraseAcceptable } from './passphrase-policy';
import { assertMayTry, oneAttemptAtATime, recordFailure, recordSuccess } from './signin-throttle';
import type { DB, StaffTable } from './schema';
import { openEncrypted, rekey, type SqliteDb } from './sqlite/open-encrypted';
import { CHECKPOINT_POLICY, scheduleCheckpoints, type CheckpointSchedule } from './sqlite/idle-checkpoint';
import { mergeSearchIndex } from './sqlite/search-merge';
import { warmPageCache, type CacheWarm } from './sqlite/warm-cache';
import { withStatementCache } from './sqlite/statement-cache';
import { checkSecondFactor } from './totp/second-factor';

export interface CreateCaseFileInput {
  casefile: string;
  centerName: string;
  login: string;
  displayName: string;
  passphrase: string;
  profession?: string | null;
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  schemaVersion: number;
}

/** Where a rotation in progress keeps the next key slots until the file is re-keyed. */
const pendingPath = (casefile: string) => `${keyslotPath(casefile)}.next`;

function kyselyOver(sqlite: SqliteDb): Kysely<DB> {
  return new Kysely<DB>({ dialect: new GuardedSqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** Opens with a data key and checks the file is the one the key slots belong to. */
function openForFileId(casefile: string, dataKey: Buffer, fileId: string): SqliteDb {
  return openEncrypted(casefile, dataKey, {
    verify: (db) => {
      const hasMeta = db
        .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type='table' AND name='meta'`)
        .get() as { n: number };
      const row = hasMeta.n
        ? (db.prepare(`SELECT value FROM meta WHERE key='file_id'`).get() as { value: string } | undefined)
        : undefined;
      if (row?.value !== fileId) {
        throw new AppError('NOT_A_CASEFILE', 'This file does not belong to these key slots.');
      }
    },
  });
}

/**
 * The audit chain for this unlock: its key (from the unlocking slot, or moved from the earlier
 * format), registered on the connection. A file whose sidecar never held an audit key (from
 * before 0007) starts its chain here, once; any other file has its end checked (anchor.ts)
 * before the caller writes its own entry, and what is found is written down.
 */
async function openChain(
  sqlite: SqliteDb,
  db: Kysely<DB>,
  opened: { body: KeySlotBody; dataKey: Buffer; auditKey: Buffer | null },
  who: { staffId: string | null; login: string },
  now: Date,
): Promise<{ chain: AuditChain; auditKey: Buffer }> {
  const { auditKey, none } = auditKeyFor(opened.body, opened.auditKey, opened.dataKey);
  const chain = new AuditChain(auditKey);
  chain.register(sqlite);
  const chained = none ? startChainIfNew(sqlite, chain, now.toISOString()) : null;
  if (chained !== null) {
    await writeAudit(db, {
      ...who,
      action: 'audit.chain-start',
      detail: { earlierEntries: chained },
    });
  } else {
    await recordBreaks(db, who, checkTail(sqlite, chain, opened.body.fileId, opened.body.auditAnchor));
  }
  return { chain, auditKey };
}

/** What a check of the chain's end found stays in the log (verify reports it from then on). */
async function recordBreaks(
  db: Kysely<DB>,
  who: { staffId: string | null; login: string },
  breaks: TailBreak[],
): Promise<void> {
  if (breaks.length === 0) return;
  await writeAudit(db, { ...who, action: BREAK_ACTION, detail: { breaks } });
}

/** An unlocked case file: the open database and the data key, until `lock()`. */
export class CaseFile {
  #dataKey: Buffer;
  #auditKey: Buffer;
  #chain: AuditChain;
  #locked = false;

  private constructor(
    readonly path: string,
    readonly fileId: string,
    readonly sqlite: SqliteDb,
    readonly db: Kysely<DB>,
    dataKey: Buffer,
    readonly staff: StaffTable,
    chain: { chain: AuditChain; auditKey: Buffer },
  ) {
    this.#dataKey = dataKey;
    this.#chain = chain.chain;
    this.#auditKey = chain.auditKey;
    this.#checkpoints = scheduleCheckpoints(sqlite, `${path}-wal`, CHECKPOINT_POLICY, () =>
      mergeSearchIndex(sqlite),
    );
  }

  #checkpoints: CheckpointSchedule;

  /** checkpoints since the unlock: `afterCommit` ones ran inside a save (the bench prints them) */
  get checkpoints(): Readonly<CheckpointSchedule['counts']> {
    return this.#checkpoints.counts;
  }
  /** resolves with the WAL's size once its space is reserved after the unlock (wal-reserve.ts) */
  get walReserved(): Promise<number> {
    return this.#checkpoints.reserved;
  }
  #warm: CacheWarm | null = null;

  /**
   * Starts reading the pages a first search needs into the cache (in steps, the event loop
   * free between them); resolves with the rows read. Once per unlock; `lock()` stops it.
   */
  warmCache(): Promise<number> {
    if (this.#locked) return Promise.resolve(0);
    this.#warm ??= warmPageCache(this.sqlite);
    return this.#warm.done;
  }

  get keysPath(): string {
    return keyslotPath(this.path);
  }

  get locked(): boolean {
    return this.#locked;
  }

  /** Creates the file, its first administrator and the recovery slot. Shows the code once. */
  static async create(input: CreateCaseFileInput): Promise<{ caseFile: CaseFile; recoveryCode: string }> {
    const { casefile } = input;
    const keys = keyslotPath(casefile);
    if (existsSync(casefile) || existsSync(keys)) {
      throw new AppError('CASEFILE_EXISTS', `A case file already exists at ${casefile}`);
    }
    assertPassphraseAcceptable(input.passphrase);
    const login = normalizeLogin(input.login);
    if (!login) throw new AppError('INVALID_INPUT', 'A login is required.');
    const fileId = randomUUID();
    const dataKey = randomBytes(32);
    const recoveryCode = newRecoveryCode();
    const auditKey = newAuditKey();
    const body: KeySlotBody = {
      format: 'yorisoi-keyslots',
      version: 1,
      fileId,
      slots: [
        await makeSlot(fileId, 'staff', login, input.passphrase, dataKey, auditKey),
        await makeSlot(fileId, 'recovery', null, recoveryCode, dataKey, auditKey),
      ],
    };
    let sqlite: SqliteDb | null = null;
    try {
      sqlite = openEncrypted(casefile, dataKey, { create: true });
      const db = kyselyOver(sqlite);
      await migrateToLatest(db, sqlite, { casefile, keyslots: keys });
      await loadMasters(db);
      const chain = new AuditChain(auditKey);
      chain.register(sqlite);
      const now = new Date().toISOString();
      startChainIfNew(sqlite, chain, now);
      const staffId = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('meta')
          .values([
            { key: 'file_id', value: fileId },
            { key: 'center_name', value: input.centerName },
            { key: 'created_at', value: now },
            { key: 'device_id', value: randomUUID() },
          ])
          .execute();
        await trx
          .insertInto('staff')
          .values({
            id: staffId,
            login,
            display_name: input.displayName,
            role: 'administrator',
            profession: input.profession ?? null,
            active: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await writeAudit(trx, {
          staffId,
          login,
          action: 'casefile.create',
          detail: { centerName: input.centerName },
        });
      });
      const anchor = anchorNow(sqlite, chain, fileId, new Date().toISOString());
      writeKeySlotFile(keys, { ...body, ...(anchor ? { auditAnchor: anchor } : {}) });
      const staff = await db
        .selectFrom('staff')
        .selectAll()
        .where('id', '=', staffId)
        .executeTakeFirstOrThrow();
      return {
        caseFile: new CaseFile(casefile, fileId, sqlite, db, dataKey, staff, { chain, auditKey }),
        recoveryCode,
      };
    } catch (e) {
      sqlite?.close();
      for (const p of [casefile, `${casefile}-wal`, `${casefile}-shm`, keys]) rmSync(p, { force: true });
      throw e;
    }
  }

  /**
   * Login + passphrase (+ the authenticator code when the account has a second factor) → an
   * unlocked case file (migrated to the current schema). Wrong passphrases and wrong codes
   * count towards the same lockout; only a complete sign-in clears it.
   */
  static async unlock(input: {
    casefile: string;
    login: string;
    passphrase: string;
    secondFactor?: string | undefined;
    now?: Date;
  }): Promise<CaseFile> {
    const { casefile } = input;
    if (!existsSync(casefile)) throw new AppError('CASEFILE_NOT_FOUND', `No case file at ${casefile}`);
    const login = normalizeLogin(input.login);
    return oneAttemptAtATime(casefile, login, () => CaseFile.attempt(input, login));
  }

  private static async attempt(
    input: Parameters<typeof CaseFile.unlock>[0],
    login: string,
  ): Promise<CaseFile> {
    const { casefile } = input;
    const now = input.now ?? new Date();
    assertMayTry(casefile, login, now);
    let opened;
    try {
      opened = await openWithSlot(casefile, (b) =>
        unwrapSlot(b.fileId, findStaffSlot(b, input.login), input.passphrase),
      );
    } catch (e) {
      if (e instanceof AppError && (e.code === 'WRONG_PASSPHRASE' || e.code === 'UNKNOWN_LOGIN')) {
        recordFailure(casefile, login, now);
      }
      throw e;
    }
    let cf: CaseFile;
    try {
      cf = await CaseFile.finishOpen(casefile, opened, login, input.secondFactor, now);
    } catch (e) {
      if (e instanceof AppError && e.code === 'WRONG_SECOND_FACTOR') recordFailure(casefile, login, now);
      throw e;
    }
    recordSuccess(casefile, login);
    return cf;
  }

  private static async finishOpen(
    casefile: string,
    opened: { sqlite: SqliteDb; body: KeySlotBody; dataKey: Buffer; auditKey: Buffer | null },
    login: string,
    secondFactor: string | undefined,
    now: Date,
  ): Promise<CaseFile> {
    const { sqlite, body, dataKey } = opened;
    const db = kyselyOver(sqlite);
    let chain: { chain: AuditChain; auditKey: Buffer } | null = null;
    try {
      await assertSchemaKnown(db);
      await migrateToLatest(db, sqlite, { casefile, keyslots: keyslotPath(casefile) });
      await loadMasters(db);
      const staff = await db.selectFrom('staff').selectAll().where('login', '=', login).executeTakeFirst();
      if (!staff || !staff.active) {
        throw new AppError('UNKNOWN_LOGIN', `No active account with the login "${login}".`);
      }
      // the chain's end is checked before this sign-in writes anything to it
      chain = await openChain(sqlite, db, opened, { staffId: staff.id, login }, now);
      await checkSecondFactor(db, staff, secondFactor, now);
      await writeAudit(db, { staffId: staff.id, login, action: 'login' });
      try {
        saveAuditState(
          keyslotPath(casefile),
          chain.auditKey,
          anchorNow(sqlite, chain.chain, body.fileId, now.toISOString()),
        );
      } catch {
        // a full disk must not keep anyone from their records: the anchor of the last sign-in
        // stays a valid lower bound, and the next lock or sign-in tries again
      }
      return new CaseFile(casefile, body.fileId, sqlite, db, dataKey, staff, chain);
    } catch (e) {
      sqlite.close();
      dataKey.fill(0);
      opened.auditKey?.fill(0);
      chain?.chain.forget();
      chain?.auditKey.fill(0);
      throw asCorruption(e);
    }
  }

  /**
   * Every passphrase lost: the recovery code opens the file and sets a new passphrase for one
   * login (a new key pair for that slot, so the old passphrase no longer works).
   */
  static async recover(input: {
    casefile: string;
    recoveryCode: string;
    login: string;
    newPassphrase: string;
  }): Promise<void> {
    const code = normalizeRecoveryCode(input.recoveryCode);
    if (!code) throw new AppError('WRONG_RECOVERY_CODE', 'That is not a recovery code (32 characters).');
    assertPassphraseAcceptable(input.newPassphrase);
    if (!existsSync(input.casefile))
      throw new AppError('CASEFILE_NOT_FOUND', `No case file at ${input.casefile}`);
    const login = normalizeLogin(input.login);
    const opened = await openWithSlot(input.casefile, (b) => unwrapSlot(b.fileId, findRecoverySlot(b), code));
    const { sqlite, body, dataKey } = opened;
    let chain: { chain: AuditChain; auditKey: Buffer } | null = null;
    try {
      const db = kyselyOver(sqlite);
      await assertSchemaKnown(db);
      await migrateToLatest(db, sqlite, { casefile: input.casefile, keyslots: keyslotPath(input.casefile) });
      const staff = await db.selectFrom('staff').selectAll().where('login', '=', login).executeTakeFirst();
      if (!staff) throw new AppError('UNKNOWN_LOGIN', `No account with the login "${login}".`);
      chain = await openChain(sqlite, db, opened, { staffId: null, login }, new Date());
      const slot = await makeSlot(body.fileId, 'staff', login, input.newPassphrase, dataKey, chain.auditKey);
      // the recovery code stands in for every factor: a lost phone must not lock the account out
      await db.transaction().execute(async (trx) => {
        const totp = await trx.deleteFrom('staff_totp').where('staff_id', '=', staff.id).executeTakeFirst();
        await writeAudit(trx, {
          staffId: null,
          login,
          action: 'keyslot.recover',
          entity: 'staff',
          entityId: staff.id,
          detail: { secondFactorRemoved: Number(totp.numDeletedRows) > 0 },
        });
      });
      saveAuditState(
        keyslotPath(input.casefile),
        chain.auditKey,
        anchorNow(sqlite, chain.chain, body.fileId, new Date().toISOString()),
        (current) => ({
          ...current,
          slots: [...current.slots.filter((s) => !(s.kind === 'staff' && s.login === login)), slot],
        }),
      );
    } finally {
      sqlite.close();
      dataKey.fill(0);
      opened.auditKey?.fill(0);
      chain?.chain.forget();
      chain?.auditKey.fill(0);
    }
  }

  private assertOpen(): void {
    if (this.#locked) throw new AppError('LOCKED', 'The case file is locked.');
  }

  /** Closes the database and overwrites the data key in memory. */
  async lock(): Promise<void> {
    if (this.#locked) return;
    // the audit anchor moves to the chain's end while the file is still open (lockNow skips
    // it: the anchor of the last sign-in still holds as a lower bound)
    await this.#anchorAtLock();
    this.lockNow();
    await this.db.destroy();
  }

  /**
   * `lock()` without waiting for anything: checkpoint, close and wipe the keys before this
   * returns. For the end of a Windows session, where the process may be gone as soon as the
   * event handler returns. A transaction still open is rolled back by the close.
   */
  lockNow(): void {
    if (this.#locked) return;
    this.#locked = true;
    this.#checkpoints.stop();
    this.#warm?.stop();
    // a checkpoint first leaves no WAL behind; kysely's destroy() afterwards finds it closed
    if (this.sqlite.open) {
      try {
        this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        this.sqlite.close();
      }
    }
    this.#dataKey.fill(0);
    this.#chain.forget();
    this.#auditKey.fill(0);
    void this.db.destroy().catch(() => undefined);
  }

  /**
   * Moves the audit anchor (in the key-slot file) to the chain's current end, after checking
   * that end: the newest entry this connection wrote must still be there. Backups call it
   * before they copy the key slots, so a snapshot carries an anchor its own log reaches.
   */
  async anchorAudit(): Promise<void> {
    this.assertOpen();
    await this.#anchor();
  }

  async #anchor(): Promise<void> {
    const anchor = readKeySlotFile(this.keysPath).auditAnchor;
    const breaks = checkTail(this.sqlite, this.#chain, this.fileId, anchor, this.#chain.lastHead);
    await recordBreaks(this.db, { staffId: this.staff.id, login: this.staff.login }, breaks);
    saveAuditState(
      this.keysPath,
      this.#auditKey,
      anchorNow(this.sqlite, this.#chain, this.fileId, new Date().toISOString()),
    );
  }

  /** Locking must succeed even where the key-slot file cannot be written (the anchor stays). */
  async #anchorAtLock(): Promise<void> {
    try {
      await this.#anchor();
    } catch {
      // a lower bound: the anchor of the last sign-in still holds
    }
  }

  /** Checks the audit log's hash chain from the first entry to the head and the anchor. */
  verifyAuditChain(): ChainReport {
    this.assertOpen();
    const anchor = readKeySlotFile(this.keysPath).auditAnchor;
    return verifyAuditChain(this.sqlite, this.#chain, { fileId: this.fileId, anchor });
  }

  /** Gives another login a key slot (the staff row is the caller's business). */
  async addSlot(login: string, passphrase: string): Promise<void> {
    this.assertOpen();
    assertPassphraseAcceptable(passphrase);
    const body = readKeySlotFile(this.keysPath);
    const want = normalizeLogin(login);
    if (body.slots.some((s) => s.kind === 'staff' && s.login === want)) {
      throw new AppError('LOGIN_EXISTS', `The login "${login}" already has a key slot.`);
    }
    const slot = await makeSlot(this.fileId, 'staff', want, passphrase, this.#dataKey, this.#auditKey);
    writeKeySlotFile(this.keysPath, { ...body, slots: [...body.slots, slot] });
  }

  async removeSlot(login: string): Promise<void> {
    this.assertOpen();
    const body = readKeySlotFile(this.keysPath);
    const slot = findStaffSlot(body, login);
    if (body.slots.filter((s) => s.kind === 'staff').length <= 1) {
      throw new AppError('LAST_ADMIN_SLOT', 'The last key slot cannot be removed.');
    }
    writeKeySlotFile(this.keysPath, { ...body, slots: body.slots.filter((s) => s.id !== slot.id) });
  }

  async changePassphrase(login: string, oldPassphrase: string, newPassphrase: string): Promise<void> {
    this.assertOpen();
    assertPassphraseAcceptable(newPassphrase);
    const body = readKeySlotFile(this.keysPath);
    const slot = findStaffSlot(body, login);
    const next = await rewrapSlot(this.fileId, slot, oldPassphrase, newPassphrase);
    writeKeySlotFile(this.keysPath, { ...body, slots: body.slots.map((s) => (s.id === slot.id ? next : s)) });
    await writeAudit(this.db, {
      staffId: this.staff.id,
      login: this.staff.login,
      action: 'keyslot.passphrase',
      entity: 'staff',
      entityId: slot.login,
    });
  }

  /**
   * New data key: the file is re-encrypted and every staff slot re-sealed; a new recovery
   * code replaces the old one. Crash-safe: the next slots are written first (`.keys.next`);
   * if the process dies between re-key and rename, `unlock` finds the file opens with them.
   */
  async rotateDataKey(): Promise<{ recoveryCode: string }> {
    this.assertOpen();
    // the earlier format's audit-key box (under the old data key) would not open any more:
    // every slot gets the key sealed in it instead
    const { auditKey: _earlier, ...body } = readKeySlotFile(this.keysPath);
    const newKey = randomBytes(32);
    const recoveryCode = newRecoveryCode();
    const next: KeySlotBody = {
      ...body,
      slots: [
        ...body.slots
          .filter((s) => s.kind === 'staff')
          .map((s) => resealSlot(this.fileId, s, newKey))
          .map((s) => (s.sealedAuditKey ? s : withAuditKey(this.fileId, s, this.#auditKey))),
        await makeSlot(this.fileId, 'recovery', null, recoveryCode, newKey, this.#auditKey),
      ],
    };
    writeKeySlotFile(pendingPath(this.path), next);
    rekey(this.sqlite, newKey);
    renameSync(pendingPath(this.path), this.keysPath);
    this.#checkpoints.reserveAgain();
    this.#dataKey.fill(0);
    this.#dataKey = newKey;
    await writeAudit(this.db, {
      staffId: this.staff.id,
      login: this.staff.login,
      action: 'casefile.rotate-key',
    });
    return { recoveryCode };
  }

  async integrityCheck(): Promise<IntegrityReport> {
    this.assertOpen();
    const rows = this.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const fk = this.sqlite.pragma('foreign_key_check') as unknown[];
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    if (fk.length) problems.push(`${fk.length} foreign key violations`);
    const schemaVersion = (await appliedMigrations(this.db)).length;
    return { ok: problems.length === 0, problems, schemaVersion };
  }

  async deviceId(): Promise<string> {
    const row = await this.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'device_id')
      .executeTakeFirstOrThrow();
    return row.value;
  }

  async centerName(): Promise<string> {
    const row = await this.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'center_name')
      .executeTakeFirst();
    return row?.value ?? '';
  }
}

/** A damaged page found while opening is a coded error, not a crash. */
function asCorruption(e: unknown): unknown {
  const code = (e as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_CORRUPT')
    ? new AppError('INTEGRITY_FAILED', 'The case file is damaged. Restore it from a backup.')
    : e;
}

/**
 * Reads the key slots, unwraps the data key and opens the file. If a key rotation was cut off
 * after the re-key, the file opens only with the pending slots: promote them.
 */
type Unwrapped = { dataKey: Buffer; auditKey: Buffer | null };

async function openWithSlot(
  casefile: string,
  unwrap: (body: KeySlotBody) => Promise<Unwrapped>,
): Promise<{ sqlite: SqliteDb; body: KeySlotBody } & Unwrapped> {
  const keys = keyslotPath(casefile);
  const body = readKeySlotFile(keys);
  const first = await unwrap(body);
  try {
    return { sqlite: openForFileId(casefile, first.dataKey, body.fileId), body, ...first };
  } catch (e) {
    first.dataKey.fill(0);
    first.auditKey?.fill(0);
    if (!(e instanceof AppError && e.code === 'NOT_A_CASEFILE') || !existsSync(pendingPath(casefile)))
      throw e;
  }
  const pending = readKeySlotFile(pendingPath(casefile));
  const next = await unwrap(pending);
  const sqlite = openForFileId(casefile, next.dataKey, pending.fileId);
  renameSync(pendingPath(casefile), keys);
  return { sqlite, body: pending, ...next };
}

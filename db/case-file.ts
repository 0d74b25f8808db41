import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../shared/errors';
import { writeAudit } from './audit';
import { newAuditKey, openAuditKey, sealAuditKey } from './audit-chain/chain-key';
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
  unwrapDataKey,
} from './crypto/key-slots';
import { keyslotPath, readKeySlotFile, writeKeySlotFile, type KeySlotBody } from './crypto/keyslot-file';
import { newRecoveryCode, normalizeRecoveryCode } from './crypto/recovery-code';
import { loadMasters } from './masters/load-masters';
import { appliedMigrations, assertSchemaKnown, migrateToLatest } from './migrator';
import { assertPassphraseAcceptable } from './passphrase-policy';
import { assertMayTry, recordFailure, recordSuccess } from './signin-throttle';
import type { DB, StaffTable } from './schema';
import { openEncrypted, rekey, type SqliteDb } from './sqlite/open-encrypted';
import { startIdleCheckpoints } from './sqlite/idle-checkpoint';
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
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
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
 * The audit chain's key for this file: opened from the sidecar, or made (and stored there) when
 * the sidecar has none yet: a new file, or the first unlock after the upgrade to 0007.
 */
function chainFor(
  sqlite: SqliteDb,
  casefile: string,
  body: KeySlotBody,
  dataKey: Buffer,
): { chain: AuditChain; auditKey: Buffer } {
  let auditKey = body.auditKey ? openAuditKey(body.auditKey, dataKey, body.fileId) : null;
  if (!auditKey) {
    // a missing or altered box gets a new key: entries chained under the old one then fail
    // verification, which is what a stripped or swapped sidecar should look like
    auditKey = newAuditKey();
    writeKeySlotFile(keyslotPath(casefile), {
      ...body,
      auditKey: sealAuditKey(auditKey, dataKey, body.fileId),
    });
  }
  const chain = new AuditChain(auditKey);
  chain.register(sqlite);
  return { chain, auditKey };
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
    this.#stopCheckpoints = startIdleCheckpoints(sqlite, `${path}-wal`);
  }

  #stopCheckpoints: () => void;
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
        await makeSlot(fileId, 'staff', login, input.passphrase, dataKey),
        await makeSlot(fileId, 'recovery', null, recoveryCode, dataKey),
      ],
      auditKey: sealAuditKey(auditKey, dataKey, fileId),
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
      writeKeySlotFile(keys, body);
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
    const now = input.now ?? new Date();
    assertMayTry(casefile, login, now);
    let opened;
    try {
      opened = await openWithSlot(casefile, (b) =>
        unwrapDataKey(b.fileId, findStaffSlot(b, input.login), input.passphrase),
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
    opened: { sqlite: SqliteDb; body: KeySlotBody; dataKey: Buffer },
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
      chain = chainFor(sqlite, casefile, body, dataKey);
      const staff = await db.selectFrom('staff').selectAll().where('login', '=', login).executeTakeFirst();
      if (!staff || !staff.active) {
        throw new AppError('UNKNOWN_LOGIN', `No active account with the login "${login}".`);
      }
      const chained = startChainIfNew(sqlite, chain.chain, now.toISOString());
      if (chained !== null) {
        await writeAudit(db, {
          staffId: staff.id,
          login,
          action: 'audit.chain-start',
          detail: { earlierEntries: chained },
        });
      }
      await checkSecondFactor(db, staff, secondFactor, now);
      await writeAudit(db, { staffId: staff.id, login, action: 'login' });
      return new CaseFile(casefile, body.fileId, sqlite, db, dataKey, staff, chain);
    } catch (e) {
      sqlite.close();
      dataKey.fill(0);
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
    const { sqlite, body, dataKey } = await openWithSlot(input.casefile, (b) =>
      unwrapDataKey(b.fileId, findRecoverySlot(b), code),
    );
    let chain: { chain: AuditChain; auditKey: Buffer } | null = null;
    try {
      const db = kyselyOver(sqlite);
      await assertSchemaKnown(db);
      await migrateToLatest(db, sqlite, { casefile: input.casefile, keyslots: keyslotPath(input.casefile) });
      chain = chainFor(sqlite, input.casefile, body, dataKey);
      startChainIfNew(sqlite, chain.chain, new Date().toISOString());
      const staff = await db.selectFrom('staff').selectAll().where('login', '=', login).executeTakeFirst();
      if (!staff) throw new AppError('UNKNOWN_LOGIN', `No account with the login "${login}".`);
      const slot = await makeSlot(body.fileId, 'staff', login, input.newPassphrase, dataKey);
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
      const current = readKeySlotFile(keyslotPath(input.casefile));
      writeKeySlotFile(keyslotPath(input.casefile), {
        ...current,
        slots: [...current.slots.filter((s) => !(s.kind === 'staff' && s.login === login)), slot],
      });
    } finally {
      sqlite.close();
      dataKey.fill(0);
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
    this.#stopCheckpoints();
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

  /** Checks the audit log's hash chain from the first entry to the head. */
  verifyAuditChain(): ChainReport {
    this.assertOpen();
    return verifyAuditChain(this.sqlite, this.#chain);
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
    const slot = await makeSlot(this.fileId, 'staff', want, passphrase, this.#dataKey);
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
    const body = readKeySlotFile(this.keysPath);
    const newKey = randomBytes(32);
    const recoveryCode = newRecoveryCode();
    const next: KeySlotBody = {
      ...body,
      slots: [
        ...body.slots.filter((s) => s.kind === 'staff').map((s) => resealSlot(this.fileId, s, newKey)),
        await makeSlot(this.fileId, 'recovery', null, recoveryCode, newKey),
      ],
      auditKey: sealAuditKey(this.#auditKey, newKey, this.fileId),
    };
    writeKeySlotFile(pendingPath(this.path), next);
    rekey(this.sqlite, newKey);
    renameSync(pendingPath(this.path), this.keysPath);
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
async function openWithSlot(
  casefile: string,
  unwrap: (body: KeySlotBody) => Promise<Buffer>,
): Promise<{ sqlite: SqliteDb; body: KeySlotBody; dataKey: Buffer }> {
  const keys = keyslotPath(casefile);
  const body = readKeySlotFile(keys);
  const dataKey = await unwrap(body);
  try {
    return { sqlite: openForFileId(casefile, dataKey, body.fileId), body, dataKey };
  } catch (e) {
    dataKey.fill(0);
    if (!(e instanceof AppError && e.code === 'NOT_A_CASEFILE') || !existsSync(pendingPath(casefile)))
      throw e;
  }
  const pending = readKeySlotFile(pendingPath(casefile));
  const pendingKey = await unwrap(pending);
  const sqlite = openForFileId(casefile, pendingKey, pending.fileId);
  renameSync(pendingPath(casefile), keys);
  return { sqlite, body: pending, dataKey: pendingKey };
}

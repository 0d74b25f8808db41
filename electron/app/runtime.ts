import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CaseFile } from '../../db/case-file';
import { appliedMigrations } from '../../db/migrator';
import { assertSqliteLoads } from '../../db/sqlite/native-module';
import { formerSelves } from '../../db/sync/former-self';
import { HybridClock } from '../../db/sync/hlc';
import { latestHlc, ownNewestHlc } from '../../db/sync/op-log';
import type { SessionStatus } from '../../shared/contract/session';
import { AppError } from '../../shared/errors';
import type { ServiceContext } from '../services/context';
import { ChromiumPdfPrinter } from '../services/letters/pdf/chromium-printer';
import type { PdfPrinter } from '../services/letters/pdf/pdf-printer';

export interface RuntimeConfig {
  /** the case file this installation works on */
  casefile: string;
  /** wall clock; tests pin it */
  now?: () => Date;
  /** prints letters; default Chromium through playwright-core (the Electron app passes its own) */
  pdfPrinter?: PdfPrinter;
}

/**
 * The composition root's state: which case file, and the one unlocked session (a desktop app
 * has one user at a time). Every door (IPC, web host, CLI) talks to a runtime.
 */
export class AppRuntime {
  #ctx: ServiceContext | null = null;
  /** the real case file, or for this run the demo file beside it */
  #casefile: string;

  /** one printer (one browser) for the whole run; closed whenever the case file locks */
  readonly printer: PdfPrinter;

  constructor(readonly config: RuntimeConfig) {
    this.#casefile = config.casefile;
    this.printer = config.pdfPrinter ?? new ChromiumPdfPrinter();
  }

  get casefile(): string {
    return this.#casefile;
  }

  /** The clearly marked demo case file (fictitious data), kept apart from the real one. */
  get demoCasefile(): string {
    return join(dirname(this.config.casefile), 'demo.yorisoi');
  }

  /** Switches this run to the demo file (a restart returns to the real one). */
  async useDemoFile(): Promise<void> {
    await this.lock();
    this.#casefile = this.demoCasefile;
  }

  get now(): () => Date {
    return this.config.now ?? (() => new Date());
  }

  async status(): Promise<SessionStatus> {
    const ctx = this.#ctx;
    if (!ctx || ctx.caseFile.locked) {
      assertSqliteLoads(); // the first screen says so when the native module cannot load
      return {
        casefileExists: existsSync(this.#casefile),
        unlocked: false,
        centerName: null,
        user: null,
        schemaVersion: null,
        demo: this.#casefile === this.demoCasefile,
        clockBehindMs: 0,
      };
    }
    return {
      casefileExists: true,
      unlocked: true,
      centerName: await ctx.caseFile.centerName(),
      user: {
        staffId: ctx.actor.id,
        login: ctx.actor.login,
        displayName: ctx.actor.displayName,
        role: ctx.actor.role,
        profession: ctx.actor.profession,
      },
      // the migrations table, not an integrity check: the window asks for the status every 30 s
      schemaVersion: (await appliedMigrations(ctx.db).catch(() => null))?.length ?? null,
      demo: this.#casefile === this.demoCasefile,
      // every screen warns: "today" (the consultation date's default, ages, fiscal years) is wrong
      clockBehindMs: ctx.clock.wallSetBackMs(),
    };
  }

  /** The unlocked session, or UNAUTHORIZED. */
  context(): ServiceContext {
    if (!this.#ctx || this.#ctx.caseFile.locked) throw new AppError('UNAUTHORIZED', 'Log in first.');
    return this.#ctx;
  }

  async adopt(caseFile: CaseFile): Promise<ServiceContext> {
    await this.lock();
    const deviceId = await caseFile.deviceId();
    const clock = new HybridClock(deviceId, () => this.now().getTime());
    const last = await latestHlc(caseFile.db);
    if (last) clock.observe(last);
    const own = await ownNewestHlc(caseFile.db, [deviceId, ...Object.keys(formerSelves(caseFile.sqlite))]);
    if (own) clock.resume(own);
    const s = caseFile.staff;
    this.#ctx = {
      caseFile,
      db: caseFile.db,
      actor: {
        id: s.id,
        login: s.login,
        displayName: s.display_name,
        role: s.role,
        profession: s.profession,
      },
      deviceId,
      clock,
      now: this.now,
      printer: this.printer,
    };
    return this.#ctx;
  }

  async create(input: {
    centerName: string;
    login: string;
    displayName: string;
    passphrase: string;
    profession?: string | null;
  }): Promise<{ recoveryCode: string }> {
    const { caseFile, recoveryCode } = await CaseFile.create({ casefile: this.#casefile, ...input });
    await this.adopt(caseFile);
    return { recoveryCode };
  }

  async login(login: string, passphrase: string, secondFactor?: string): Promise<ServiceContext> {
    const caseFile = await CaseFile.unlock({
      casefile: this.#casefile,
      login,
      passphrase,
      secondFactor,
      now: this.now(),
    });
    const ctx = await this.adopt(caseFile);
    void caseFile.warmCache(); // the first search after login then finds its pages decrypted
    return ctx;
  }

  async lock(): Promise<void> {
    const ctx = this.#ctx;
    this.#ctx = null;
    if (ctx) await ctx.caseFile.lock();
    await this.printer.close();
  }

  /**
   * Locks before returning (checkpoint, close, keys wiped): for the end of a Windows session,
   * when the process may be gone once the event handler returns.
   */
  lockNow(): void {
    const ctx = this.#ctx;
    this.#ctx = null;
    ctx?.caseFile.lockNow();
    void this.printer.close().catch(() => undefined);
  }
}

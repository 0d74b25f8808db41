import type { Kysely, Transaction } from 'kysely';
import type { CaseFile } from '../../db/case-file';
import { bindRecords, type Records } from '../../db/records';
import type { DB } from '../../db/schema';
import type { HybridClock } from '../../db/sync/hlc';
import type { OpWriter } from '../../db/sync/op-log';
import { AppError } from '../../shared/errors';
import { can, type Permission } from '../../shared/permissions';
import type { StaffRole } from '../../shared/vocab/staff-roles';
import type { PdfPrinter } from './letters/pdf/pdf-printer';

export interface Actor {
  id: string;
  login: string;
  displayName: string;
  role: StaffRole;
  profession: string | null;
}

/** Everything a use case needs: the unlocked file, who is acting, and the device's clock. */
export interface ServiceContext {
  caseFile: CaseFile;
  db: Kysely<DB>;
  actor: Actor;
  deviceId: string;
  clock: HybridClock;
  /** wall clock (ISO); injectable so tests can pin "today" */
  now: () => Date;
  /** prints letters (Chromium or Electron); owned by the runtime, closed on lock */
  printer?: PdfPrinter;
}

export function requirePermission(ctx: ServiceContext, permission: Permission): void {
  if (!can(ctx.actor.role, permission)) {
    throw new AppError('FORBIDDEN', `The role "${ctx.actor.role}" may not do "${permission}".`);
  }
}

export function opWriter(ctx: ServiceContext): OpWriter {
  return { deviceId: ctx.deviceId, clock: ctx.clock, staffId: ctx.actor.id };
}

/** The record writers bound to a transaction, stamped by this session's actor and clocks. */
export function recordsIn(trx: Transaction<DB>, ctx: ServiceContext): Records {
  return bindRecords({ trx, writer: opWriter(ctx), staffId: ctx.actor.id, now: () => nowIso(ctx) });
}

export function nowIso(ctx: Pick<ServiceContext, 'now'>): string {
  return ctx.now().toISOString();
}

/** Today's date in the user's local time zone (follow-ups are due on local days). */
export function todayLocal(ctx: Pick<ServiceContext, 'now'>): string {
  const d = ctx.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// Fills a case file with FICTITIOUS consultations through the real use case, many per
// transaction, and marks the file as a demo file (meta demo = 1).
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { CHANNEL_POLICY } from '../../shared/channel-access';
import { CHANNELS } from '../../shared/contract';
import type { ConsultationInput } from '../../shared/contract/consultations';
import { can } from '../../shared/permissions';
import type { Outcome } from '../../shared/vocab/outcomes';
import { closeCaseTx } from '../services/cases/close-case';
import { recordConsultationIn } from '../services/consultations/record-consultation';
import { nowIso, todayLocal, type ServiceContext } from '../services/context';
import { applyFollowUpChange } from '../services/followups/follow-up-change';
import { runUseCase, type UnitOfWork, type WriteUnit } from '../services/unit-of-work';
import { addDaysIso } from './demo-dates';
import { seedDemoDirectory, seedDemoEvents } from './demo-directory-events';
import { ensureDemoStaff } from './demo-staff';
import { planConsultations, type DemoPlanItem } from './generate-consultations';

export const DEMO_META_KEY = 'demo';

export interface SeedDemoOptions {
  seed: number;
  consultations: number;
  onProgress?: (done: number, total: number) => void;
  /** period of the data; default: ending today, one year per 3,000 consultations (1–10 years) */
  from?: string;
  to?: string;
  /** consultations per transaction */
  batchSize?: number;
  /** add the fictitious colleagues (default: when the actor may manage staff) */
  addStaff?: boolean;
}

export interface SeedDemoResult {
  consultations: number;
  persons: number;
  institutions: number;
  events: number;
}

/** Ids the plan's keys stand for, learnt as the first consultation of each is recorded. */
interface KeyMaps {
  persons: Map<string, string>;
  cases: Map<string, string>;
}

/** A case to close once its last consultation is committed. */
interface PendingClose {
  caseId: string;
  outcome: Outcome;
  at: string;
}

/**
 * The demo generator as a use case of its own, under the `demo.fill` channel's policy (who may
 * record consultations): for the app's demo file, tests and benches. The CLI calls the channel.
 */
export async function seedDemo(ctx: ServiceContext, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  return runUseCase(ctx, CHANNEL_POLICY['demo.fill'], (uow) => fillDemo(uow, opts), opts.onProgress);
}

/**
 * Records `opts.consultations` generated consultations with `recordConsultationIn`, each a step
 * with the audit entries of its own use case, in batches
 * of `batchSize` per transaction. A person's later consultations link the person their first
 * created, a case's later consultations the case its first opened; cases the plan ends are
 * closed and most follow-ups due before the end are completed, so the daily view looks lived-in.
 * Each record is stamped with its own received time (the context's clock), not today. Then a
 * small fictitious directory (when it is empty) and one event a month (demo-directory-events).
 */
export async function fillDemo(ctx: UnitOfWork, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const total = opts.consultations;
  const batchSize = opts.batchSize ?? 500;
  if (opts.addStaff ?? can(ctx.actor.role, 'staff.manage')) await ensureDemoStaff(ctx);
  const staff = (
    await ctx.db
      .selectFrom('staff')
      .select(['id', 'profession'])
      .where('active', '=', 1)
      .orderBy('login')
      .execute()
  ).map((s) => ({ id: s.id, profession: s.profession ?? 'other' }));
  const to = opts.to ?? todayLocal(ctx);
  const years = Math.min(10, Math.max(1, Math.ceil(total / 3000)));
  const from = opts.from ?? addDaysIso(`${Number(to.slice(0, 4)) - years}${to.slice(4)}`, 1);
  const plan = planConsultations({ seed: opts.seed, count: total, from, to, staff });

  const keys: KeyMaps = { persons: new Map(), cases: new Map() };
  const mayCloseCases = can(ctx.actor.role, 'case.manage');
  const mayComplete = can(ctx.actor.role, 'followup.manage');
  let done = 0;
  let marked = false;
  const progress = opts.onProgress ?? ctx.progress;
  progress(0, total);
  while (done < total) {
    const batch: DemoPlanItem[] = [];
    while (batch.length < batchSize) {
      const next = plan.next();
      if (next.done) break;
      batch.push(next.value);
    }
    if (!batch.length) break;
    // a case is closed as soon as its last consultation is recorded: the person's next
    // consultation must not find it still open (a 継続 consultation joins an open case)
    await ctx.write(async (w) => {
      if (!marked) await markDemo(w.db);
      for (const item of batch) {
        const c = await recordItem(w, item, keys, mayComplete);
        if (c && mayCloseCases) await closeCaseTx(w.db, at(w, c.at), c.caseId, c.outcome, null);
      }
    });
    marked = true;
    done += batch.length;
    progress(done, total);
  }
  if (!marked) await ctx.write((w) => markDemo(w.db));
  const institutions = await seedDemoDirectory(ctx);
  const events = await seedDemoEvents(ctx, opts.seed, from, to);
  return { consultations: done, persons: keys.persons.size, institutions, events };
}

async function markDemo(trx: Transaction<DB>): Promise<void> {
  await trx
    .insertInto('meta')
    .values({ key: DEMO_META_KEY, value: '1' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' }))
    .execute();
}

/** The unit of work with its clock set to a moment of the demo's past. */
function at(uow: WriteUnit, localDateTime: string): WriteUnit {
  return uow.at(new Date(localDateTime.length === 16 ? `${localDateTime}:00` : localDateTime));
}

async function recordItem(
  ctx: WriteUnit,
  item: DemoPlanItem,
  keys: KeyMaps,
  mayComplete: boolean,
): Promise<PendingClose | null> {
  const input: ConsultationInput = { ...item.input };
  if (item.personKey && input.person?.mode === 'existing') {
    const personId = keys.persons.get(item.personKey);
    if (!personId) throw new Error(`demo plan: person ${item.personKey} is used before it is created`);
    input.person = { mode: 'existing', personId };
  }
  const caseId = item.caseKey ? keys.cases.get(item.caseKey) : undefined;
  if (caseId) input.caseId = caseId;
  const parsed = CHANNELS['consultation.record'].input.parse(input);
  const receivedAt = parsed.receivedAt;
  const trx = ctx.db;
  const { id } = await at(ctx, receivedAt).step('consultation.record', (u) =>
    recordConsultationIn(u, parsed),
  );

  const firstOfPerson = item.personKey !== null && !keys.persons.has(item.personKey);
  const firstOfCase = item.caseKey !== null && !caseId;
  if (firstOfPerson || firstOfCase) {
    const row = await trx
      .selectFrom('consultations')
      .select(['person_id', 'case_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (firstOfPerson && row.person_id) keys.persons.set(item.personKey!, row.person_id);
    if (firstOfCase && row.case_id) keys.cases.set(item.caseKey!, row.case_id);
  }
  if (item.followUpDoneOn && mayComplete) {
    const doneAt = at(ctx, `${item.followUpDoneOn}T16:00`);
    const fu = await trx
      .selectFrom('follow_ups')
      .selectAll()
      .where('consultation_id', '=', id)
      .executeTakeFirst();
    if (fu && fu.state === 'open') {
      await applyFollowUpChange(
        trx,
        doneAt,
        fu,
        { state: 'done', completed_at: nowIso(doneAt), completed_by: ctx.actor.id },
        'followup.complete',
      );
    }
  }
  const linkedCase = caseId ?? (item.caseKey ? keys.cases.get(item.caseKey) : undefined);
  if (item.closesCase && linkedCase) {
    keys.cases.delete(item.caseKey!);
    return { caseId: linkedCase, outcome: parsed.outcome, at: receivedAt };
  }
  return null;
}

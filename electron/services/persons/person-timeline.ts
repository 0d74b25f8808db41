import type { TimelineItem } from '../../../shared/contract/persons';
import { can } from '../../../shared/permissions';
import type { UnitOfWork } from '../unit-of-work';
import { getPerson } from './read-persons';

/**
 * Everything about one person in date order: consultations (and their edits), cases and
 * follow-ups, referrals and the letters issued for them, and admission/respite coordination
 * requests (for roles that may see them).
 */
export async function personTimeline(ctx: UnitOfWork, personId: string) {
  const person = await getPerson(ctx, personId);
  const items: TimelineItem[] = [];
  const consultations = await ctx.db
    .selectFrom('consultations')
    .select(['id', 'serial', 'received_at', 'method', 'main_category', 'summary', 'outcome', 'version'])
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .execute();
  for (const c of consultations) {
    items.push({
      at: c.received_at,
      kind: 'consultation',
      id: c.id,
      title: c.serial,
      detail: {
        method: c.method,
        mainCategory: c.main_category,
        summary: c.summary,
        outcome: c.outcome,
        version: c.version,
      },
    });
  }
  const ids = consultations.map((c) => c.id);
  if (ids.length) {
    const edits = await ctx.db
      .selectFrom('consultation_versions as v')
      .innerJoin('staff as s', 's.id', 'v.changed_by')
      .select(['v.consultation_id', 'v.version', 'v.changed_at', 's.display_name'])
      .where('v.consultation_id', 'in', ids)
      .where('v.version', '>', 1) // version 1 is the recording itself, already on the timeline
      .execute();
    // the current version is the row itself (kept as a copy only once an edit replaces it)
    const kept = new Set(edits.map((e) => `${e.consultation_id}#${e.version}`));
    const current = await ctx.db
      .selectFrom('consultations as c')
      .innerJoin('staff as s', 's.id', 'c.updated_by')
      .select(['c.id as consultation_id', 'c.version', 'c.updated_at as changed_at', 's.display_name'])
      .where('c.id', 'in', ids)
      .where('c.version', '>', 1)
      .execute();
    for (const c of current) if (!kept.has(`${c.consultation_id}#${c.version}`)) edits.push(c);
    for (const e of edits) {
      items.push({
        at: e.changed_at,
        kind: 'edit',
        id: `${e.consultation_id}#${e.version}`,
        title: `v${e.version}`,
        detail: { consultationId: e.consultation_id, version: e.version, changedBy: e.display_name },
      });
    }
  }
  const cases = await ctx.db.selectFrom('cases').selectAll().where('person_id', '=', personId).execute();
  for (const k of cases) {
    items.push({
      at: k.opened_at,
      kind: 'case',
      id: k.id,
      title: k.title,
      detail: { state: k.state, closedAt: k.closed_at, outcome: k.outcome },
    });
  }
  const followUps = await ctx.db
    .selectFrom('follow_ups as f')
    .innerJoin('staff as s', 's.id', 'f.owner_id')
    .select(['f.id', 'f.title', 'f.due_date', 'f.state', 'f.completed_at', 's.display_name'])
    .where('f.person_id', '=', personId)
    .execute();
  for (const f of followUps) {
    items.push({
      at: f.due_date,
      kind: 'follow_up',
      id: f.id,
      title: f.title,
      detail: { state: f.state, owner: f.display_name, completedAt: f.completed_at },
    });
  }
  const referrals = await ctx.db
    .selectFrom('referrals as r')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select([
      'r.id',
      'r.requested_on',
      'r.state',
      'r.template',
      'r.reply_due_on',
      'r.consultation_id',
      'i.name',
    ])
    .where('r.person_id', '=', personId)
    .execute();
  for (const r of referrals) {
    items.push({
      at: r.requested_on,
      kind: 'referral',
      id: r.id,
      title: r.name,
      detail: {
        state: r.state,
        template: r.template,
        replyDueOn: r.reply_due_on,
        consultationId: r.consultation_id,
      },
    });
  }
  const letters = await ctx.db
    .selectFrom('letters')
    .select([
      'id',
      'created_at',
      'document_number',
      'addressee',
      'template',
      'referral_id',
      'override_reason',
    ])
    .where('person_id', '=', personId)
    .execute();
  for (const l of letters) {
    items.push({
      at: l.created_at,
      kind: 'letter',
      id: l.id,
      title: l.document_number,
      detail: {
        addressee: l.addressee,
        template: l.template,
        referralId: l.referral_id,
        override: l.override_reason !== null,
      },
    });
  }
  if (can(ctx.actor.role, 'coordination.view')) {
    const requests = await ctx.db
      .selectFrom('coordination_requests as q')
      .leftJoin('institutions as i', 'i.id', 'q.accepted_institution_id')
      .select([
        'q.id',
        'q.requested_on',
        'q.kind',
        'q.state',
        'q.urgency',
        'q.consultation_id',
        'q.accepted_from',
        'q.accepted_to',
        'i.name',
      ])
      .where('q.person_id', '=', personId)
      .execute();
    for (const q of requests) {
      items.push({
        at: q.requested_on,
        kind: 'coordination',
        id: q.id,
        // the hospital that accepted, once one has; the screen names the kind and state
        title: q.name ?? '',
        detail: {
          kind: q.kind,
          state: q.state,
          urgency: q.urgency,
          consultationId: q.consultation_id,
          acceptedFrom: q.accepted_from,
          acceptedTo: q.accepted_to,
        },
      });
    }
  }
  items.sort((a, b) => a.at.localeCompare(b.at));
  return { person, items };
}

import { sql } from 'kysely';
import type { z } from 'zod';
import type { consultationFilter, ConsultationRow } from '../../../shared/contract/consultations';
import { can } from '../../../shared/permissions';
import type { ServiceContext } from '../context';
import { searchConditions, searchHitCount, searchPage } from '../search/search-query';

export type ParsedFilter = z.output<typeof consultationFilter>;

/**
 * Finds consultations: a Japanese substring query (kana/width folded) plus filters, newest
 * first, one page at a time with the total. Peer supporters see only their own.
 */
export async function listConsultations(
  ctx: ServiceContext,
  f: ParsedFilter & { limit: number; offset: number },
): Promise<{ total: number; rows: ConsultationRow[] }> {
  // every role may search; without 'consultation.viewAll' the results are narrowed below
  const filtered = (mode: 'walk' | 'drive') => {
    let q = ctx.db.selectFrom('consultations as c').where('c.deleted_at', 'is', null);
    if (f.query) for (const cond of searchConditions(f.query, mode)) q = q.where(cond);
    if (f.from) q = q.where('c.received_date', '>=', f.from);
    if (f.to) q = q.where('c.received_date', '<=', f.to);
    if (f.methods?.length) q = q.where('c.method', 'in', f.methods);
    if (f.personId) q = q.where('c.person_id', '=', f.personId);
    if (f.eventId) q = q.where('c.event_id', '=', f.eventId);
    if (f.municipalityCodes?.length) q = q.where('c.municipality_code', 'in', f.municipalityCodes);
    if (f.categories?.length) {
      const cats = f.categories;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('consultation_categories as cc')
            .select('cc.code')
            .whereRef('cc.consultation_id', '=', 'c.id')
            .where('cc.code', 'in', cats),
        ),
      );
    }
    if (f.diseaseGroups?.length) {
      const groups = JSON.stringify(f.diseaseGroups);
      q = q.where(
        sql<boolean>`EXISTS (SELECT 1 FROM consultation_diseases d JOIN master_nanbyo n ON n.list_version = d.list_version AND n.number = d.number, json_each(n.groups) g WHERE d.consultation_id = c.id AND g.value IN (SELECT value FROM json_each(${groups})))`,
      );
    }
    if (f.staffId) {
      const staffId = f.staffId;
      q = q.where((eb) =>
        eb.or([
          eb('c.created_by', '=', staffId),
          eb.exists(
            eb
              .selectFrom('consultation_responders as r')
              .select('r.staff_id')
              .whereRef('r.consultation_id', '=', 'c.id')
              .where('r.staff_id', '=', staffId),
          ),
        ]),
      );
    }
    if (f.openFollowUps) {
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('follow_ups as fu')
            .select('fu.id')
            .whereRef('fu.consultation_id', '=', 'c.id')
            .where('fu.state', '=', 'open'),
        ),
      );
    }
    if (!can(ctx.actor.role, 'consultation.viewAll')) {
      const me = ctx.actor.id;
      q = q.where((eb) =>
        eb.or([
          eb('c.created_by', '=', me),
          eb.exists(
            eb
              .selectFrom('consultation_responders as r2')
              .select('r2.staff_id')
              .whereRef('r2.consultation_id', '=', 'c.id')
              .where('r2.staff_id', '=', me),
          ),
        ]),
      );
    }
    return q;
  };
  const onlyText =
    !!f.query &&
    can(ctx.actor.role, 'consultation.viewAll') &&
    Object.entries(f).every(([k, v]) => ['query', 'limit', 'offset'].includes(k) || v === undefined);
  let total: number;
  let pageIds: string[] | ReturnType<typeof pageQuery>;
  const textPage = onlyText ? searchPage(f.query!, f.limit, f.offset) : null;
  if (textPage) {
    // a text query alone: the hits are read once for both the page and the total
    const { rows: page } = await textPage.execute(ctx.db);
    pageIds = page.map((r) => r.id);
    const count = page.length || !f.offset ? null : searchHitCount(f.query!);
    total = page.length ? page[0]!.total : count ? ((await count.execute(ctx.db)).rows[0]?.n ?? 0) : 0;
  } else {
    total = (
      await filtered('drive')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    pageIds = pageQuery();
  }
  // the page: ids newest first (an index walk that stops after one page), then the columns
  function pageQuery() {
    return filtered('walk')
      .select('c.id')
      .orderBy('c.received_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(f.limit)
      .offset(f.offset);
  }
  if (Array.isArray(pageIds) && !pageIds.length) return { total: Number(total), rows: [] };
  const rows = await ctx.db
    .selectFrom('consultations as c')
    .leftJoin('persons as p', 'p.id', 'c.person_id')
    .where((eb) => (Array.isArray(pageIds) ? eb('c.id', 'in', pageIds) : eb('c.id', 'in', pageIds)))
    .select([
      'c.id',
      'c.serial',
      'c.received_at',
      'c.method',
      'c.consulter',
      'c.person_id',
      'p.name',
      'p.name_kana',
      'c.main_category',
      'c.summary',
      'c.outcome',
      sql<number>`(SELECT count(*) FROM follow_ups fu2 WHERE fu2.consultation_id = c.id AND fu2.state = 'open')`.as(
        'open_follow_ups',
      ),
    ])
    .orderBy('c.received_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      id: r.id,
      serial: r.serial,
      receivedAt: r.received_at,
      method: r.method,
      consulter: r.consulter,
      personId: r.person_id,
      personName: r.name,
      personKana: r.name_kana,
      mainCategory: r.main_category,
      summary: r.summary.length > 200 ? `${r.summary.slice(0, 200)}…` : r.summary,
      outcome: r.outcome,
      openFollowUps: Number(r.open_follow_ups),
    })),
  };
}

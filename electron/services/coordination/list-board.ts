import type { BoardRow } from '../../../shared/contract/coordination';
import { COORDINATION_URGENCIES } from '../../../shared/vocab/coordination-kinds';
import type { UnitOfWork } from '../unit-of-work';
import { consentHolds } from './request-dto';

export interface BoardFilter {
  state: 'open' | 'ended' | 'all';
  personId?: string;
}

/** 至急 0, 早めに 1, 予定 2; a code from a newer app after them. */
const urgencyRank = (u: string) => {
  const i = COORDINATION_URGENCIES.findIndex((x) => x.code === u);
  return i === -1 ? COORDINATION_URGENCIES.length : i;
};

/**
 * The board. Open requests: most urgent first, then the earliest wanted date, then the oldest
 * request, then id (stable). Ended ones after them, the latest ended first. Per request: how
 * many hospitals were asked, how many of them said no at their last answer, and the next
 * call-back still open. A board holds tens of rows: counted here from the contacts.
 */
export async function listBoard(ctx: UnitOfWork, f: BoardFilter): Promise<BoardRow[]> {
  let q = ctx.db
    .selectFrom('coordination_requests as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .innerJoin('staff as o', 'o.id', 'r.owner_id')
    .leftJoin('institutions as a', 'a.id', 'r.accepted_institution_id')
    .selectAll('r')
    .select(['p.name as person_name', 'o.display_name as owner_name', 'a.name as accepted_name']);
  if (f.state === 'open') q = q.where('r.state', '=', 'open');
  if (f.state === 'ended') q = q.where('r.state', '<>', 'open');
  if (f.personId) q = q.where('r.person_id', '=', f.personId);
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  const contacts = ids.length
    ? await ctx.db
        .selectFrom('coordination_contacts as k')
        .leftJoin('follow_ups as fu', 'fu.id', 'k.follow_up_id')
        .select([
          'k.request_id',
          'k.institution_id',
          'k.answer',
          'k.contacted_at',
          'k.call_back_at',
          'fu.state as fu_state',
        ])
        .where('k.request_id', 'in', ids)
        .orderBy('k.contacted_at')
        .orderBy('k.created_at')
        .orderBy('k.id')
        .execute()
    : [];
  const byRequest = new Map<string, typeof contacts>();
  for (const k of contacts) {
    if (!byRequest.has(k.request_id)) byRequest.set(k.request_id, []);
    byRequest.get(k.request_id)!.push(k);
  }
  const out = rows.map((r): BoardRow & { _rank: number } => {
    const mine = byRequest.get(r.id) ?? [];
    const last = new Map<string, string>(); // institution → latest answer (calls are in order)
    for (const k of mine) last.set(k.institution_id, k.answer);
    const openCallBacks = mine
      .filter((k) => k.call_back_at && k.fu_state === 'open')
      .map((k) => k.call_back_at!)
      .sort();
    return {
      id: r.id,
      personId: r.person_id,
      personName: r.person_name,
      kind: r.kind,
      urgency: r.urgency,
      state: r.state,
      requestedOn: r.requested_on,
      wantedFrom: r.wanted_from,
      wantedTo: r.wanted_to,
      needs: {
        ventilator: r.ventilator,
        suction: r.suction,
        gastrostomy: r.gastrostomy === 1,
        careLevel: r.care_level,
      },
      ownerName: r.owner_name,
      mayContact: consentHolds(r),
      asked: last.size,
      refused: [...last.values()].filter((a) => a === 'refused').length,
      nextCallBackAt: openCallBacks[0] ?? null,
      lastContactAt: mine.at(-1)?.contacted_at ?? null,
      acceptedInstitutionName: r.accepted_name,
      endedOn: r.ended_on,
      _rank: urgencyRank(r.urgency),
    };
  });
  const cmp = (a: string | null, b: string | null) =>
    (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
  out.sort((a, b) => {
    const aOpen = a.state === 'open' ? 0 : 1;
    const bOpen = b.state === 'open' ? 0 : 1;
    if (aOpen !== bOpen) return aOpen - bOpen;
    if (aOpen === 1) return cmp(b.endedOn, a.endedOn) || cmp(a.id, b.id);
    return (
      a._rank - b._rank ||
      cmp(a.wantedFrom, b.wantedFrom) ||
      cmp(a.requestedOn, b.requestedOn) ||
      cmp(a.id, b.id)
    );
  });
  return out.map(({ _rank, ...row }) => row);
}

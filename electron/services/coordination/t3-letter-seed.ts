import type { CoordinationRequestDto } from '../../../shared/contract/coordination';
import { requirementsOf } from '../../../shared/coordination/requirements';
import { AppError } from '../../../shared/errors';

/**
 * What a T3 letter (医療機関への紹介・受診調整依頼, DOMAIN §5) takes from an accepted request.
 * `purpose` is the request's kind in the letter's terms: respite → 一時入院・レスパイト,
 * diagnostic_visit → diagnosis; admission and transfer have no checkbox of their own in
 * DOMAIN's T3 list and are passed as they are for the letter to show (e.g. under その他).
 */
export type T3Purpose = 'respite' | 'diagnosis' | 'admission' | 'transfer';

export interface T3LetterSeed {
  requestId: string;
  personId: string;
  consultationId: string;
  /** the addressee: the hospital that accepted */
  institutionId: string;
  purpose: T3Purpose;
  /** the stay agreed with the hospital, and the dates the family first asked for */
  acceptedFrom: string;
  acceptedTo: string | null;
  wantedFrom: string;
  wantedTo: string | null;
  medicalNeeds: {
    ventilator: string;
    suction: string;
    gastrostomy: boolean;
    careLevel: string;
    /** capability codes the needs call for, for a checkbox list */
    requirements: string[];
    note: string | null;
  };
  reason: string;
  reasonNote: string | null;
  /** the consent the request holds (a letter needs its own consent check as well) */
  consent: { method: string; date: string; obtainedBy: string } | null;
}

const PURPOSE: Record<string, T3Purpose> = {
  respite: 'respite',
  diagnostic_visit: 'diagnosis',
  admission: 'admission',
  transfer: 'transfer',
};

/**
 * The seam to the letters: a pure function of the request as the app shows it. Only an
 * accepted request has an addressee; anything else is a CONFLICT. A withdrawn consent is
 * passed as none.
 */
export function t3LetterSeed(r: CoordinationRequestDto): T3LetterSeed {
  if (r.state !== 'accepted' || !r.acceptedInstitutionId || !r.acceptedFrom)
    throw new AppError('CONFLICT', 'Only an accepted request gives a T3 letter its data.');
  return {
    requestId: r.id,
    personId: r.personId,
    consultationId: r.consultationId,
    institutionId: r.acceptedInstitutionId,
    purpose: PURPOSE[r.kind] ?? 'admission',
    acceptedFrom: r.acceptedFrom,
    acceptedTo: r.acceptedTo,
    wantedFrom: r.wantedFrom,
    wantedTo: r.wantedTo,
    medicalNeeds: {
      ...r.needs,
      requirements: requirementsOf({ kind: r.kind, ...r.needs }).map((q) => q.need),
    },
    reason: r.reason,
    reasonNote: r.reasonNote,
    consent:
      r.consent && !r.consent.withdrawnOn
        ? { method: r.consent.method, date: r.consent.date, obtainedBy: r.consent.obtainedBy }
        : null,
  };
}

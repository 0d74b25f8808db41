import { describe, expect, it } from 'vitest';
import { t3LetterSeed } from '../../electron/services/coordination/t3-letter-seed';
import { stayBoth } from '../../electron/services/letters/t3-draft-fill';
import type { CoordinationRequestDto } from '../../shared/contract/coordination';

const accepted: CoordinationRequestDto = {
  id: 'r1',
  personId: 'p1',
  personName: '架空 一郎',
  consultationId: 'c1',
  consultationSerial: 'R7-000001',
  kind: 'respite',
  reason: 'caregiver_rest',
  reasonNote: '妻の腰痛が悪化（架空）',
  requestedOn: '2025-06-02',
  wantedFrom: '2025-06-20',
  wantedTo: '2025-06-27',
  needs: {
    ventilator: 'tppv',
    suction: 'frequent',
    gastrostomy: true,
    careLevel: 'high',
    note: '夜間2時間ごとに吸引',
  },
  urgency: 'soon',
  ownerId: 's1',
  ownerName: '相談 花子',
  consent: {
    method: 'written',
    date: '2025-06-02',
    obtainedBy: 's1',
    obtainedByName: '相談 花子',
    withdrawnOn: null,
  },
  mayContact: true,
  state: 'accepted',
  acceptedInstitutionId: 'h3',
  acceptedInstitutionName: '丙病院',
  acceptedFrom: '2025-06-20',
  acceptedTo: '2025-06-26',
  endedOn: '2025-06-03',
  endNote: null,
  version: 5,
  contacts: [],
};

describe('the T3 letter seam', () => {
  it('gives a letter the hospital, purpose, dates, needs, reason and consent of an accepted request', () => {
    expect(t3LetterSeed(accepted)).toEqual({
      requestId: 'r1',
      personId: 'p1',
      consultationId: 'c1',
      institutionId: 'h3',
      purpose: 'respite',
      acceptedFrom: '2025-06-20',
      acceptedTo: '2025-06-26',
      wantedFrom: '2025-06-20',
      wantedTo: '2025-06-27',
      medicalNeeds: {
        ventilator: 'tppv',
        suction: 'frequent',
        gastrostomy: true,
        careLevel: 'high',
        note: '夜間2時間ごとに吸引',
        requirements: ['respite_beds', 'ventilator_tppv', 'frequent_suction', 'gastrostomy'],
      },
      reason: 'caregiver_rest',
      reasonNote: '妻の腰痛が悪化（架空）',
      consent: { method: 'written', date: '2025-06-02', obtainedBy: 's1' },
    });
  });

  it('maps kinds to T3 purposes; a withdrawn consent is passed as none', () => {
    expect(t3LetterSeed({ ...accepted, kind: 'diagnostic_visit' }).purpose).toBe('diagnosis');
    expect(t3LetterSeed({ ...accepted, kind: 'transfer' }).purpose).toBe('transfer');
    expect(t3LetterSeed({ ...accepted, kind: 'admission' }).purpose).toBe('admission');
    const withdrawn = { ...accepted, consent: { ...accepted.consent!, withdrawnOn: '2025-06-04' } };
    expect(t3LetterSeed(withdrawn).consent).toBeNull();
  });

  it('refuses anything but an accepted request', () => {
    for (const state of ['open', 'withdrawn', 'failed'] as const)
      expect(() => t3LetterSeed({ ...accepted, state, acceptedInstitutionId: null })).toThrow(
        expect.objectContaining({ code: 'CONFLICT' }),
      );
  });
});

describe('a stay in 和暦（西暦）', () => {
  it('shares the year within one year and era; writes both dates across a year’s or an era’s end', () => {
    expect(stayBoth('2025-06-21', '2025-06-28')).toBe('令和7年6月21日〜6月28日（2025年6月21日〜6月28日）');
    expect(stayBoth('2025-12-28', '2026-01-04')).toBe(
      '令和7年12月28日（2025年12月28日）〜令和8年1月4日（2026年1月4日）',
    );
    expect(stayBoth('2019-04-25', '2019-05-07')).toBe(
      '平成31年4月25日（2019年4月25日）〜令和元年5月7日（2019年5月7日）',
    );
    expect(stayBoth('2025-06-05', null)).toBe('令和7年6月5日（2025年6月5日）から（終わりは未定）');
  });
});

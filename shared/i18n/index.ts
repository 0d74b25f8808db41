import { en as enAuditView } from './en/audit-view';
import { en as enCli } from './en/cli';
import { en as enCoordination } from './en/coordination';
import { en as enCore } from './en/core';
import { en as enCounts } from './en/counts';
import { en as enEvents } from './en/events';
import { en as enFieldCheck } from './en/field-check';
import { en as enIntakeForm } from './en/intake-form';
import { en as enSetupContact } from './en/setup-contact';
import { en as enLetters } from './en/letters';
import { en as enReports } from './en/reports';
import { en as enReportsScreen } from './en/reports-screen';
import { en as enSecurity } from './en/security';
import { en as enSync } from './en/sync';
import { ja as jaAuditView } from './ja/audit-view';
import { ja as jaCli } from './ja/cli';
import { ja as jaCoordination } from './ja/coordination';
import { ja as jaCore } from './ja/core';
import { ja as jaCounts } from './ja/counts';
import { ja as jaEvents } from './ja/events';
import { ja as jaFieldCheck } from './ja/field-check';
import { ja as jaIntakeForm } from './ja/intake-form';
import { ja as jaSetupContact } from './ja/setup-contact';
import { ja as jaLetters } from './ja/letters';
import { ja as jaReports } from './ja/reports';
import { ja as jaReportsScreen } from './ja/reports-screen';
import { ja as jaSecurity } from './ja/security';
import { ja as jaSync } from './ja/sync';
import { en as enUi } from './en/ui';
import { ja as jaUi } from './ja/ui';
import { vocabEn, vocabJa } from './vocab-resources';

/**
 * Resources by area; each area is a pair of files ja/<area>.ts and en/<area>.ts, the English
 * typed against the Japanese so a missing key is a compile error (and a test checks values).
 */
export const ja = {
  ...jaCore,
  ...jaReports,
  ...jaReportsScreen,
  ...jaEvents,
  ...jaSync,
  ...jaSecurity,
  ...jaUi,
  ...jaCoordination,
  ...jaLetters,
  ...jaFieldCheck,
  ...jaIntakeForm,
  ...jaSetupContact,
  ...jaAuditView,
  ...jaCounts,
  ...jaCli,
  vocab: vocabJa,
};
export const en = {
  ...enCore,
  ...enReports,
  ...enReportsScreen,
  ...enEvents,
  ...enSync,
  ...enSecurity,
  ...enUi,
  ...enCoordination,
  ...enLetters,
  ...enFieldCheck,
  ...enIntakeForm,
  ...enSetupContact,
  ...enAuditView,
  ...enCounts,
  ...enCli,
  vocab: vocabEn,
};

export const resources = { ja: { translation: ja }, en: { translation: en } } as const;
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

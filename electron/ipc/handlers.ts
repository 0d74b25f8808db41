import { activityHandlers } from '../services/activities/handlers';
import { backupHandlers } from '../services/backup/handlers';
import { casefileHandlers } from '../services/casefile/handlers';
import { centerHandlers } from '../services/center/center-settings';
import { consentHandlers } from '../services/consents/handlers';
import { consultationHandlers } from '../services/consultations/handlers';
import { coordinationHandlers } from '../services/coordination/handlers';
import { demoHandlers } from '../services/demo/handlers';
import { directoryHandlers } from '../services/directory/handlers';
import { draftHandlers } from '../services/drafts/handlers';
import { eventHandlers } from '../services/events/handlers';
import { followUpHandlers } from '../services/followups/handlers';
import { letterHandlers } from '../services/letters/handlers';
import { masterHandlers } from '../services/masters/handlers';
import { personHandlers } from '../services/persons/handlers';
import { referralHandlers } from '../services/referrals/handlers';
import { reportHandlers } from '../services/reports/handlers';
import { securityHandlers } from '../services/security/handlers';
import { sessionHandlers } from '../services/session/handlers';
import { staffHandlers } from '../services/staff/handlers';
import { syncHandlers } from '../services/sync/handlers';
import type { AllHandlers } from './dispatcher';

/** Every channel's use case. The type makes a missing handler a compile error. */
export const ALL_HANDLERS: AllHandlers = {
  ...sessionHandlers,
  ...consultationHandlers,
  ...personHandlers,
  ...followUpHandlers,
  ...directoryHandlers,
  ...staffHandlers,
  ...syncHandlers,
  ...masterHandlers,
  ...eventHandlers,
  ...activityHandlers,
  ...centerHandlers,
  ...reportHandlers,
  ...draftHandlers,
  ...backupHandlers,
  ...coordinationHandlers,
  ...referralHandlers,
  ...consentHandlers,
  ...letterHandlers,
  ...securityHandlers,
  ...casefileHandlers,
  ...demoHandlers,
};

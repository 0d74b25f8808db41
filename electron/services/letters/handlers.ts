import type { HandlerMap } from '../handler-types';
import { buildDraft } from './build-draft';
import { issueLetter } from './issue-letter';
import { letterCopy } from './letter-copies';
import { readLetterhead, setLetterhead } from './letterhead';
import { previewLetter } from './preview-letter';
import { provisionLog, provisionLogPdf } from './provision-log';
import { listRegister } from './register';

type LetterChannels =
  | 'letter.draft'
  | 'letter.preview'
  | 'letter.issue'
  | 'letter.register'
  | 'letter.reprint'
  | 'letter.export'
  | 'letter.provisionLog'
  | 'letter.provisionLogPdf'
  | 'letter.letterhead.get'
  | 'letter.letterhead.set';

export const letterHandlers: HandlerMap<LetterChannels> = {
  'letter.draft': (ctx, i) => buildDraft(ctx, i.referralId, i.template),
  'letter.preview': (ctx, i) => previewLetter(ctx, i.referralId, i.draft, i.consentId, i.override),
  'letter.issue': (ctx, i) => issueLetter(ctx, i),
  'letter.register': (ctx, i) => listRegister(ctx, i),
  'letter.reprint': (ctx, i) => letterCopy(ctx, i.id, 'reprint'),
  'letter.export': (ctx, i) => letterCopy(ctx, i.id, 'pdf_file'),
  'letter.provisionLog': (ctx, i) => provisionLog(ctx, i.personId),
  'letter.provisionLogPdf': (ctx, i) => provisionLogPdf(ctx, i.personId),
  'letter.letterhead.get': (ctx) => readLetterhead(ctx.db),
  'letter.letterhead.set': (ctx, i) => setLetterhead(ctx, i),
};

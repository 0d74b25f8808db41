import { renderToStaticMarkup } from 'react-dom/server';
import type { LetterTemplate } from '../../../../shared/vocab';
import type { LetterModel } from '../templates/letter-model';
import { T1HealthCenter } from '../templates/t1-health-center';
import { T2HelloWork } from '../templates/t2-hello-work';
import { T3Medical } from '../templates/t3-medical';
import { T4Municipal } from '../templates/t4-municipal';
import { T5ReplyForm } from '../templates/t5-reply-form';
import { LETTER_CSS } from './letter-css';
import { LETTER_FONT_FAMILY, letterFontCss } from './letter-font';

export const CAUTION = '取扱注意（個人情報）';

const BODIES: Record<Exclude<LetterTemplate, 't5'>, (p: { m: LetterModel }) => React.JSX.Element> = {
  t1: T1HealthCenter,
  t2: T2HelloWork,
  t3: T3Medical,
  t4: T4Municipal,
};

/** The letter's pages (and the enclosed reply form) as markup, with an on-screen footer. */
function bodyMarkup(m: LetterModel): string {
  const t = m.draft.template;
  const Body = t === 't5' ? null : BODIES[t];
  return renderToStaticMarkup(
    <>
      {Body && <Body m={m} />}
      {(t === 't5' || m.draft.includeReplyForm) && <T5ReplyForm m={m} enclosed={t !== 't5'} />}
    </>,
  );
}

/** No scripts, no requests: only inline style and the embedded font (also guards the preview). */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface RenderedLetter {
  /** a self-contained document: what the preview shows, the printer prints and the register keeps */
  html: string;
  /** the printer's page footer: 取扱注意（個人情報）, the document number, page n / N */
  footerTemplate: string;
}

/** The page footer for the printer; it carries its own font subset (templates see no page CSS). */
async function footerTemplate(m: LetterModel): Promise<string> {
  const text = `${CAUTION}\u3000${m.documentNumber}`;
  const font = await letterFontCss(`${text}0123456789/ `);
  return (
    `<div style="width:100%;font-size:8pt;padding:0 20mm;display:flex;justify-content:space-between;` +
    `font-family:'${LETTER_FONT_FAMILY}',serif;color:#000"><style>${font}</style>` +
    `<span>${escapeHtml(text)}</span>` +
    `<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
  );
}

export async function renderLetter(m: LetterModel): Promise<RenderedLetter> {
  const body = bodyMarkup(m);
  // the font holds exactly the characters the page uses (tags included: harmless, tiny)
  const font = await letterFontCss(body + CAUTION);
  const html =
    `<!doctype html><html lang="ja"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    `<title>${escapeHtml(`${m.draft.title} ${m.documentNumber}`)}</title>` +
    `<style>${font}\n${LETTER_CSS}</style></head><body>${body}</body></html>`;
  return { html, footerTemplate: await footerTemplate(m) };
}

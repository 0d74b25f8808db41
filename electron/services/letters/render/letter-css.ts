import { LETTER_FONT_FAMILY } from './letter-font';

/**
 * The letter's style: A4, the margins of a Japanese business letter, one serif (明朝) face, thin
 * rules. On screen (the preview iframe) each page is shown as a sheet of paper.
 */
export const LETTER_CSS = `
@page { size: A4; margin: 18mm 20mm 20mm 20mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: '${LETTER_FONT_FAMILY}', serif; font-size: 10.5pt; line-height: 1.5; color: #000; }
.sheet + .sheet { break-before: page; }
.letter-head { display: grid; grid-template-columns: 1fr auto; grid-template-areas: "to meta" "to from" "title title"; column-gap: 6mm; }
.doc-meta { grid-area: meta; text-align: right; align-self: start; }
.addressee { grid-area: to; margin-top: 9mm; font-size: 12pt; align-self: start; }
.addressee .to-last { font-size: 12.5pt; }
.sender { grid-area: from; justify-self: end; margin-top: 3mm; min-width: 70mm; font-size: 9.5pt; line-height: 1.45; }
.sender-name { font-weight: 700; font-size: 10.5pt; }
.title { grid-area: title; text-align: center; font-size: 15pt; font-weight: 700; letter-spacing: 0.08em; margin: 5mm 0 3mm; }
.greeting { text-indent: 1em; margin: 0 0 2mm; }
.not-medical { font-size: 9pt; border: 0.6pt solid #000; padding: 1.5mm 2.5mm; margin: 0 0 3mm; }
.ki { text-align: center; margin: 2mm 0; }
table.form { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.form > tbody > tr > th, table.form > tbody > tr > td { border: 0.6pt solid #000; padding: 1.1mm 2mm; vertical-align: top; }
table.form > tbody > tr > th { width: 40mm; background: #efefef; font-weight: 400; text-align: left; font-size: 9pt; line-height: 1.4; }
table.form tr { break-inside: avoid; }
.history-line { display: grid; grid-template-columns: max-content max-content 1fr; column-gap: 3mm; }
.nowrap { white-space: nowrap; }
.pre { white-space: pre-wrap; }
.blank { color: #555; }
.kana { font-size: 9.5pt; }
.person-name { font-size: 12pt; font-weight: 700; letter-spacing: 0.05em; }
.after { margin-left: 0.5em; }
.checks { display: inline; }
.check { display: inline-block; margin-right: 1.2em; white-space: nowrap; }
.box { display: inline-block; width: 0.85em; height: 0.85em; border: 0.8pt solid #000; vertical-align: -0.08em; margin-right: 0.3em; position: relative; }
.box.on::after { content: ''; position: absolute; left: 0.14em; top: 0.14em; right: 0.14em; bottom: 0.14em; background: #000; }
.consent-line { margin-top: 3mm; border: 0.8pt solid #000; padding: 1.5mm 2.5mm; font-size: 10pt; }
.reply-request { margin: 2mm 0 0; font-size: 10pt; }
.ijo { text-align: right; margin: 2mm 0 0; }
.reply-head { margin-bottom: 3mm; }
.reply-to { border: 0.8pt solid #000; padding: 2mm 3mm; width: 95mm; }
.reply-to .fax { font-size: 13pt; font-weight: 700; }
.reply-ref { margin: 0 0 2mm; font-size: 10pt; }
.reply-consent { margin: 0 0 2mm; font-size: 9pt; }
.reply-form > tbody > tr > td { height: 11mm; }
.write-line { border-bottom: 0.5pt dotted #000; height: 7mm; }
.write-area { height: 38mm; }
.reply-thanks { text-align: right; margin-top: 3mm; }
.screen-footer { display: none; }
@media screen {
  body { background: #8a8f98; padding: 6mm 0; }
  .sheet { background: #fff; width: 210mm; min-height: 297mm; margin: 0 auto 6mm; padding: 18mm 20mm 20mm; position: relative; box-shadow: 0 1mm 4mm rgba(0,0,0,.35); }
  .screen-footer { display: block; position: absolute; left: 20mm; right: 20mm; bottom: 8mm; text-align: center; font-size: 8pt; }
}
/* the preview frame is narrower than a sheet: shrink the sheet to fit (print is unaffected) */
@media screen and (max-width: 860px) { body { zoom: 0.85; } }
@media screen and (max-width: 740px) { body { zoom: 0.72; } }
@media screen and (max-width: 640px) { body { zoom: 0.62; } }
@media screen and (max-width: 540px) { body { zoom: 0.52; } }
@media screen and (max-width: 440px) { body { zoom: 0.42; } }
`;

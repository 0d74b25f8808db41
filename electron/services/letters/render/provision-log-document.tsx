import { renderToStaticMarkup } from 'react-dom/server';
import type { ProvisionRow } from '../../../../shared/contract/letters';
import { formatDateBoth, formatWareki } from '../../../../shared/dates/wareki';
import { CONSENT_DATA_ITEMS } from '../../../../shared/vocab';
import { LETTER_CSS } from './letter-css';
import { LETTER_FONT_FAMILY, letterFontCss } from './letter-font';

export interface ProvisionLogModel {
  centerName: string;
  printedOn: string;
  printedBy: string;
  person: { name: string; nameKana: string; birthDate: string | null };
  rows: ProvisionRow[];
}

const KIND: Record<ProvisionRow['kind'], string> = {
  letter: '文書の発行（提供）',
  pdf_file: 'PDFの保存（書き出し）',
  reprint: '再印刷',
  provision_log: '提供記録の印刷',
};

/** ISO instant → 令和7年6月2日 / 14:05 (local time). */
function When({ iso }: { iso: string }) {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return (
    <>
      <div>{formatWareki(date)}</div>
      <div>{`${pad(d.getHours())}:${pad(d.getMinutes())}`}</div>
    </>
  );
}

function ProvisionLog({ m }: { m: ProvisionLogModel }) {
  return (
    <section className="sheet">
      <h1 className="title">個人情報の提供記録</h1>
      <table className="form">
        <tbody>
          <tr>
            <th scope="row">対象者</th>
            <td>
              <span className="person-name">{m.person.name || '—'}</span>
              {m.person.nameKana && <span className="after">（{m.person.nameKana}）</span>}
              {m.person.birthDate && <span className="after">{formatDateBoth(m.person.birthDate)}生</span>}
            </td>
          </tr>
          <tr>
            <th scope="row">記録者</th>
            <td>
              {m.centerName}
              {'\u3000'}
              {formatDateBoth(m.printedOn)} 印刷（{m.printedBy}）
            </td>
          </tr>
        </tbody>
      </table>
      <table className="form log">
        <colgroup>
          <col style={{ width: '25mm' }} />
          <col style={{ width: '33mm' }} />
          <col style={{ width: '38mm' }} />
          <col />
          <col style={{ width: '20mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>日時</th>
            <th>種別・文書番号</th>
            <th>提供先</th>
            <th>提供した情報・同意</th>
            <th>担当</th>
          </tr>
        </thead>
        <tbody>
          {m.rows.length === 0 && (
            <tr>
              <td colSpan={5}>記録はありません。</td>
            </tr>
          )}
          {m.rows.map((r, i) => (
            <tr key={i}>
              <td>
                <When iso={r.at} />
              </td>
              <td>
                {KIND[r.kind]}
                {r.documentNumber && <div>{r.documentNumber}</div>}
                {r.fileName && <div className="small">{r.fileName}</div>}
              </td>
              <td>{r.recipient ?? '—'}</td>
              <td>
                {r.dataItems.map((c) => CONSENT_DATA_ITEMS.find((x) => x.code === c)?.short ?? c).join('・')}
                {r.consentLine && <div className={r.override ? 'override' : undefined}>{r.consentLine}</div>}
              </td>
              <td className="nowrap">{r.by}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const LOG_CSS = `
table.log { margin-top: 4mm; font-size: 9pt; }
table.log thead th { background: #efefef; font-weight: 400; border: 0.6pt solid #000; padding: 1mm 1.5mm; }
table.log tbody td { border: 0.6pt solid #000; padding: 1mm 1.5mm; vertical-align: top; }
table.log .small { font-size: 8pt; }
table.log .override { font-weight: 700; }
`;

export async function renderProvisionLog(
  m: ProvisionLogModel,
): Promise<{ html: string; footerTemplate: string }> {
  const body = renderToStaticMarkup(<ProvisionLog m={m} />);
  const caution = '取扱注意（個人情報）\u3000個人情報の提供記録';
  const font = await letterFontCss(body + caution);
  const footFont = await letterFontCss(`${caution}0123456789/ `);
  const html =
    `<!doctype html><html lang="ja"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">` +
    `<title>提供記録</title><style>${font}\n${LETTER_CSS}\n${LOG_CSS}</style></head><body>${body}</body></html>`;
  const footerTemplate =
    `<div style="width:100%;font-size:8pt;padding:0 20mm;display:flex;justify-content:space-between;` +
    `font-family:'${LETTER_FONT_FAMILY}',serif;color:#000"><style>${footFont}</style><span>${caution}</span>` +
    `<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
  return { html, footerTemplate };
}

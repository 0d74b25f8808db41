import { formatDateBoth } from '../../../../shared/dates/wareki';
import { Box, Row, ScreenFooter } from './letter-parts';
import type { LetterModel } from './letter-model';

/** 令和  年  月  日 (a blank date the recipient fills in by hand). */
const BLANK_DATE = '令和\u3000\u3000\u3000年\u3000\u3000\u3000月\u3000\u3000\u3000日';

/**
 * T5 受付・返信票: the form the recipient fills in and sends back — date received, person in
 * charge, what they will do, whether the center should keep following up. Enclosed with T1–T4
 * (on its own page) or printed alone. It names the person only as far as needed to match it.
 */
export function T5ReplyForm({ m, enclosed }: { m: LetterModel; enclosed: boolean }) {
  const d = m.draft;
  const s = d.sender;
  const reference = enclosed ? m.documentNumber : d.referenceNumber || m.documentNumber;
  return (
    <section className={enclosed ? 'sheet reply enclosed' : 'sheet reply'}>
      <header className="reply-head">
        <div className="reply-to">
          <div>返信先</div>
          <div className="sender-name">
            {s.centerName}
            {/* a form addressed back to oneself says 行; the sender turns it into 様 or 御中 */}
            {s.staffName ? `\u3000${s.staffName}\u3000行` : '\u3000行'}
          </div>
          {s.fax && <div className="fax">FAX {s.fax}</div>}
          {s.phone && <div>TEL {s.phone}</div>}
        </div>
        <h1 className="title">受付・返信票</h1>
        <p className="reply-ref">
          {formatDateBoth(d.issuedOn)}付 {reference} 「{enclosed ? d.title : '紹介・依頼'}」について
          {d.replyDueOn ? `（${formatDateBoth(d.replyDueOn)}までにご返信ください）` : ''}
        </p>
      </header>
      <p className="reply-consent">{m.consentLine}</p>
      <table className="form reply-form">
        <tbody>
          <Row label="対象者">
            <span className="person-name">{d.person.name || '—'}</span>
            {d.person.nameKana && <span className="after">（{d.person.nameKana}）</span>}
            {d.person.birthDate && (
              <span className="after">
                {'\u3000'}
                {formatDateBoth(d.person.birthDate)}生
              </span>
            )}
          </Row>
          <Row label="受付日">{BLANK_DATE}</Row>
          <Row label="貴機関名・ご担当者">
            <div className="write-line" />
            <div className="write-line" />
          </Row>
          <Row label="対応">
            <span className="check">
              <Box on={false} />
              お受けしました（受理）
            </span>
            <span className="check">
              <Box on={false} />
              お受けできません（辞退）
            </span>
          </Row>
          <Row label="対応の内容・予定">
            <div className="write-area" />
          </Row>
          <Row label="当センターへのご依頼">
            <span className="check">
              <Box on={false} />
              引き続き当センターの支援を希望する
            </span>
            <span className="check">
              <Box on={false} />
              特になし
            </span>
            <div className="write-line" />
          </Row>
          <Row label="ご記入日">{BLANK_DATE}</Row>
        </tbody>
      </table>
      <p className="reply-thanks">ご協力ありがとうございました。</p>
      <ScreenFooter m={m} />
    </section>
  );
}

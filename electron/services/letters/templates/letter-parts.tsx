import type { ReactNode } from 'react';
import { ageOn } from '../../../../shared/dates/age';
import { formatDateBoth } from '../../../../shared/dates/wareki';
import { addresseeLines } from '../../../../shared/letters/addressee';
import type { Labelled, TemplateSpec } from '../../../../shared/letters/template-spec';
import { includedSections } from '../../../../shared/letters/template-spec';
import { has, type LetterModel } from './letter-model';

/** Text with its line breaks kept; an empty field prints a dash so a blank is visibly blank. */
export function Multiline({ text }: { text: string }) {
  const t = text.trim();
  if (!t) return <span className="blank">（記載なし）</span>;
  return <span className="pre">{t}</span>;
}

/** 文書番号, date, addressee, sender and title: the head every letter shares. */
export function LetterHead({ m }: { m: LetterModel }) {
  const d = m.draft;
  const s = d.sender;
  return (
    <header className="letter-head">
      <div className="doc-meta">
        <div className="doc-number">{m.documentNumber}</div>
        <div className="doc-date">{formatDateBoth(d.issuedOn)}</div>
      </div>
      <div className="addressee">
        {addresseeLines(d.addressee).map((line, i) => (
          <div key={i} className={i === addresseeLines(d.addressee).length - 1 ? 'to-last' : undefined}>
            {line}
          </div>
        ))}
      </div>
      <div className="sender">
        <div className="sender-name">{s.centerName}</div>
        {(s.postalCode || s.address) && (
          <div>
            {s.postalCode && `〒${s.postalCode}\u3000`}
            {s.address}
          </div>
        )}
        {(s.phone || s.fax) && (
          <div>
            {s.phone && `TEL ${s.phone}`}
            {s.phone && s.fax && '\u3000'}
            {s.fax && `FAX ${s.fax}`}
          </div>
        )}
        {s.email && <div>{s.email}</div>}
        {s.staffName && (
          <div>
            担当：{s.staffName}
            {s.staffProfession && `（${s.staffProfession}）`}
          </div>
        )}
      </div>
      <h1 className="title">{d.title}</h1>
    </header>
  );
}

export function Greeting({ children }: { children: ReactNode }) {
  return <p className="greeting">{children}</p>;
}

/** A printed tick box: drawn with CSS, so it does not depend on a glyph being in the font. */
export function Box({ on }: { on: boolean }) {
  return <span className={on ? 'box on' : 'box'} aria-hidden="true" />;
}

export function CheckList({ options, chosen }: { options: readonly Labelled[]; chosen: readonly string[] }) {
  return (
    <span className="checks">
      {options.map((o) => (
        <span key={o.code} className="check">
          <Box on={chosen.includes(o.code)} />
          {o.ja}
        </span>
      ))}
    </span>
  );
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

/** 対象者: name with furigana, birth date (和暦・西暦) and age on the letter's date, sex, address. */
export function PersonRows({ m, contactLabel = '電話' }: { m: LetterModel; contactLabel?: string }) {
  const p = m.draft.person;
  const age = p.birthDate ? ageOn(p.birthDate, m.draft.issuedOn) : null;
  return (
    <>
      <tr>
        <th scope="row">ふりがな</th>
        <td className="kana">{p.nameKana || '—'}</td>
      </tr>
      <Row label="氏名">
        <span className="person-name">{p.name || '—'}</span>
        {p.sex && <span className="after">（{p.sex}）</span>}
      </Row>
      <Row label="生年月日">
        {p.birthDate ? `${formatDateBoth(p.birthDate)}\u3000満${age ?? '—'}歳` : '—'}
      </Row>
      <Row label="住所">
        {p.postalCode && `〒${p.postalCode}\u3000`}
        {p.address || p.municipality || '—'}
      </Row>
      <Row label={contactLabel}>{p.phone || '—'}</Row>
    </>
  );
}

/** 病名 and what goes with it (only the parts the letter carries). */
export function DiseaseRows({ m, withMedical = true }: { m: LetterModel; withMedical?: boolean }) {
  const d = m.draft.disease;
  return (
    <>
      {has(m, 'disease') && (
        <>
          <Row label="病名">
            <span className="disease">{d.names || '—'}</span>
            {d.diagnosisStatus && <span className="after">（{d.diagnosisStatus}）</span>}
          </Row>
          <Row label="特定医療費受給者証">{d.recipientCert || '—'}</Row>
        </>
      )}
      {has(m, 'certificates') && (
        <Row label="障害者手帳・介護保険">
          {[d.disabilityCert && `障害者手帳：${d.disabilityCert}`, d.ltcLevel && `介護保険：${d.ltcLevel}`]
            .filter(Boolean)
            .join('\u3000') || '—'}
        </Row>
      )}
      {withMedical && has(m, 'medical') && (
        <Row label="主な医療機関・主治医">
          {[d.hospital, d.doctor && `${d.doctor} 医師`].filter(Boolean).join('\u3000') || '—'}
        </Row>
      )}
    </>
  );
}

/** 相談の経過: date (和暦・西暦), method, topics. */
export function HistoryRows({ m }: { m: LetterModel }) {
  if (!has(m, 'consultation') || m.draft.history.length === 0) return null;
  return (
    <Row label="相談の経過">
      <div className="history">
        {m.draft.history.map((h, i) => (
          <div key={i} className="history-line">
            <span>{formatDateBoth(h.date)}</span>
            <span>{h.method}</span>
            <span>{h.topics}</span>
          </div>
        ))}
      </div>
    </Row>
  );
}

/** The template's free-text sections and choices, those whose kind of information is carried. */
export function SectionRows({
  m,
  spec,
  only,
}: {
  m: LetterModel;
  spec: TemplateSpec;
  only?: readonly string[];
}) {
  const { sections, choices } = includedSections(spec, m.draft.dataItems);
  return (
    <>
      {choices
        .filter((c) => !only || only.includes(c.key))
        .map((c) => (
          <Row key={c.key} label={c.ja}>
            <CheckList options={c.options} chosen={m.draft.choices[c.key] ? [m.draft.choices[c.key]!] : []} />
          </Row>
        ))}
      {sections
        .filter((x) => !only || only.includes(x.key))
        .map((x) => (
          <Row key={x.key} label={x.ja}>
            <Multiline text={m.draft.sections[x.key] ?? ''} />
          </Row>
        ))}
    </>
  );
}

export function PurposeRow({ m, spec }: { m: LetterModel; spec: TemplateSpec }) {
  return (
    <Row label={spec.purposeHeading.ja}>
      <CheckList options={spec.purposes} chosen={m.draft.purposes} />
      {m.draft.purposeOther.trim() && <div className="pre">{m.draft.purposeOther.trim()}</div>}
    </Row>
  );
}

/** The consent line (or the emergency exception), and the reply request. */
export function ClosingBlock({ m }: { m: LetterModel }) {
  const d = m.draft;
  return (
    <>
      <div className="consent-line">{m.consentLine}</div>
      {d.includeReplyForm && (
        <p className="reply-request">
          お手数ですが、同封の「受付・返信票」にご記入のうえ
          {d.replyDueOn ? `${formatDateBoth(d.replyDueOn)}までに` : ''}
          {d.sender.fax ? `FAX（${d.sender.fax}）または郵送` : '郵送'}
          にてご返送ください。
        </p>
      )}
      <p className="ijo">以上</p>
    </>
  );
}

/** On screen only (the preview): the footer the printer puts on every page. */
export function ScreenFooter({ m }: { m: LetterModel }) {
  return <div className="screen-footer">{`取扱注意（個人情報）\u3000${m.documentNumber}`}</div>;
}

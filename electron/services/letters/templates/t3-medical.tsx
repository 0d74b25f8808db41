import { TEMPLATE_SPECS } from '../../../../shared/letters/template-spec';
import {
  ClosingBlock,
  DiseaseRows,
  Greeting,
  LetterHead,
  PersonRows,
  PurposeRow,
  Row,
  SectionRows,
  ScreenFooter,
} from './letter-parts';
import { has, type LetterModel } from './letter-model';

const spec = TEMPLATE_SPECS.t3;

/**
 * T3 医療機関への紹介・受診調整依頼. Follows the order hospitals know from the 診療情報提供書
 * (別紙様式11: 紹介目的, 患者, 傷病名, 既往歴及び家族歴, 症状経過, 治療経過, 備考) but says plainly
 * that it is not one: a support center does not treat, and reports what the person told it.
 */
export function T3Medical({ m }: { m: LetterModel }) {
  const d = m.draft.disease;
  return (
    <section className="sheet">
      <LetterHead m={m} />
      <p className="not-medical">
        ※本書は難病相談支援センターが本人・家族からの聞き取りをもとに作成した紹介・受診調整のご依頼であり、医師が作成する診療情報提供書ではありません。
      </p>
      <Greeting>
        {'平素より難病患者の診療にご尽力いただき、厚く御礼申し上げます。' +
          '当センターにご相談のあった下記の方について、ご本人の同意を得てご紹介いたします。' +
          '受診・入院の調整につきまして、ご高配を賜りますようお願い申し上げます。'}
      </Greeting>
      <p className="ki">記</p>
      <table className="form">
        <tbody>
          <PurposeRow m={m} spec={spec} />
          <PersonRows m={m} />
          <DiseaseRows m={m} withMedical={false} />
          {has(m, 'medical') && (
            <Row label="現在の主治医・医療機関">
              {[d.hospital, d.doctor && `${d.doctor} 医師`].filter(Boolean).join('　') || '—'}
            </Row>
          )}
          <SectionRows m={m} spec={spec} />
        </tbody>
      </table>
      <ClosingBlock m={m} />
      <ScreenFooter m={m} />
    </section>
  );
}

import { TEMPLATE_SPECS } from '../../../../shared/letters/template-spec';
import {
  ClosingBlock,
  DiseaseRows,
  Greeting,
  LetterHead,
  PersonRows,
  PurposeRow,
  SectionRows,
  ScreenFooter,
} from './letter-parts';
import type { LetterModel } from './letter-model';

const spec = TEMPLATE_SPECS.t2;

/**
 * T2 就労支援連絡票 (to the ハローワーク 難病患者就職サポーター): work-relevant information only —
 * the disease's name and what it means at work, never the medical history.
 */
export function T2HelloWork({ m }: { m: LetterModel }) {
  return (
    <section className="sheet">
      <LetterHead m={m} />
      <Greeting>
        {'平素より難病患者の就労支援にご協力いただき、厚く御礼申し上げます。' +
          '当センターにご相談のあった下記の方について、ご本人の同意を得て就労支援に必要な情報をお知らせいたします。' +
          'ご支援のほど、よろしくお願い申し上げます。'}
      </Greeting>
      <p className="ki">記</p>
      <table className="form">
        <tbody>
          <PurposeRow m={m} spec={spec} />
          <PersonRows m={m} contactLabel="連絡先（本人の希望）" />
          <DiseaseRows m={m} withMedical={false} />
          <SectionRows m={m} spec={spec} />
        </tbody>
      </table>
      <ClosingBlock m={m} />
      <ScreenFooter m={m} />
    </section>
  );
}

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

const spec = TEMPLATE_SPECS.t4;

/** T4 市町村・福祉/介護機関への連絡票 (services, 手帳, 日常生活用具, 介護保険, 個別避難計画). */
export function T4Municipal({ m }: { m: LetterModel }) {
  return (
    <section className="sheet">
      <LetterHead m={m} />
      <Greeting>
        {'平素より難病患者の地域生活の支援にご尽力いただき、厚く御礼申し上げます。' +
          '当センターにご相談のあった下記の方について、ご本人の同意を得てご連絡いたします。' +
          '必要な支援につきまして、ご検討をお願い申し上げます。'}
      </Greeting>
      <p className="ki">記</p>
      <table className="form">
        <tbody>
          <PurposeRow m={m} spec={spec} />
          <PersonRows m={m} />
          <DiseaseRows m={m} />
          <SectionRows m={m} spec={spec} />
        </tbody>
      </table>
      <ClosingBlock m={m} />
      <ScreenFooter m={m} />
    </section>
  );
}

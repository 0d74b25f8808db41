import { TEMPLATE_SPECS } from '../../../../shared/letters/template-spec';
import {
  ClosingBlock,
  DiseaseRows,
  Greeting,
  HistoryRows,
  LetterHead,
  PersonRows,
  PurposeRow,
  SectionRows,
  ScreenFooter,
} from './letter-parts';
import type { LetterModel } from './letter-model';

const spec = TEMPLATE_SPECS.t1;

/** T1 保健所への情報提供・支援依頼書 (to the 難病担当保健師). */
export function T1HealthCenter({ m }: { m: LetterModel }) {
  return (
    <section className="sheet">
      <LetterHead m={m} />
      <Greeting>
        {'平素より難病患者の療養支援にご尽力いただき、厚く御礼申し上げます。' +
          '当センターにご相談のあった下記の方について、ご本人の同意を得て情報を提供いたします。' +
          '地域での支援につきまして、ご高配を賜りますようお願い申し上げます。'}
      </Greeting>
      <p className="ki">記</p>
      <table className="form">
        <tbody>
          <PurposeRow m={m} spec={spec} />
          <PersonRows m={m} />
          <DiseaseRows m={m} />
          <HistoryRows m={m} />
          <SectionRows m={m} spec={spec} />
        </tbody>
      </table>
      <ClosingBlock m={m} />
      <ScreenFooter m={m} />
    </section>
  );
}

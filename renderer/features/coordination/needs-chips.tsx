import { useTranslation } from 'react-i18next';

interface Needs {
  ventilator: string;
  suction: string;
  gastrostomy: boolean;
  careLevel: string;
}

/** The medical needs as short tags: what a hospital must be able to do. */
export function NeedsChips({ needs }: { needs: Needs }) {
  const { t } = useTranslation();
  const tags: string[] = [];
  if (needs.ventilator !== 'none') tags.push(t(`vocab.ventilatorNeed.${needs.ventilator}`));
  if (needs.suction !== 'none') tags.push(t(`vocab.suctionNeed.${needs.suction}`));
  if (needs.gastrostomy) tags.push(t('coordination.needs.gastrostomy'));
  tags.push(`${t('coordination.needs.careLevel')}：${t(`vocab.careLevel.${needs.careLevel}`)}`);
  return (
    <span className="needs">
      {tags.map((x) => (
        <span key={x} className="tag">
          {x}
        </span>
      ))}
    </span>
  );
}

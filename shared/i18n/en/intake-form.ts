import type { ja } from '../ja/intake-form';
import type { Shape } from '../shape';

export const en: Shape<typeof ja> = {
  intakeForm: {
    warnings: {
      futureDate: '{{field}} is in the future. Please check (it can be saved as it is)',
      noCategory:
        'No category chosen (the statistics table of topics will not count it). It can be saved as it is',
      birthAfterReceived: '{{field}} is after the consultation. Please check (it can be saved as it is)',
      continuityFromHistory:
        "New/continuing was recorded as the person's history says. To record another value, give a reason",
      other: 'Please check {{field}} (it can be saved as it is)',
    },
    savedWith: 'Saved. Please check:',
    open: 'Open',
    openRecord: 'Open {{serial}}',
    followsClock: 'Becomes the time you start typing',
  },
};

import type { ja } from '../ja/setup-contact';
import type { Shape } from '../shape';

export const en: Shape<typeof ja> = {
  setupContact: {
    legend: 'The center’s contact details (printed as the sender on letters)',
    hint: 'Printed in the sender block of referral letters. It can be changed later under Referrals and letters → letterhead.',
    postalCode: 'Postal code',
    address: 'Address',
    phone: 'Phone',
    fax: 'FAX',
    profession: 'Administrator’s profession',
  },
};

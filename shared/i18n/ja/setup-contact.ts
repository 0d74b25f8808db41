/** 初回設定：文書の差出人欄（センターの住所・電話・FAX）と管理者の職種。 */
export const ja = {
  setupContact: {
    legend: 'センターの連絡先（文書の差出人欄に入ります）',
    hint: '紹介状などの差出人欄に印刷されます。あとから「紹介・文書」の差出人情報で変えられます。',
    postalCode: '郵便番号',
    address: '住所',
    phone: '電話',
    fax: 'FAX',
    profession: '管理者の職種',
  },
};

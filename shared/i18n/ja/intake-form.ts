/** 相談受付フォーム：項目ごとの注意、保存の知らせ。 */
export const ja = {
  intakeForm: {
    warnings: {
      futureDate: '{{field}}が未来の日時です。確かめてください（このまま保存もできます）',
      noCategory:
        '相談内容の分類が選ばれていません（統計の「相談内容」の表に数えられません）。このまま保存もできます',
      birthAfterReceived: '{{field}}が相談日より後です。確かめてください（このまま保存もできます）',
      continuityFromHistory:
        '新規／継続は相談歴のとおりに記録しました。違う値にするときは理由を書いてください',
      other: '{{field}}を確かめてください（このまま保存もできます）',
    },
    savedWith: '保存しました。次の点を確かめてください：',
    open: '開く',
    openRecord: '{{serial}} を開く',
    followsClock: '入力を始めた時刻になります',
  },
};

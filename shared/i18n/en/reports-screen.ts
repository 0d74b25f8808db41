import type { ja } from '../ja/reports-screen';

import type { Shape } from '../shape';

export const en: Shape<typeof ja> = {
  reportsScreen: {
    // while the screen's code (with the charts library) loads: it is not in the main bundle
    loading: 'Loading the statistics screen…',
    title: 'Statistics and reports',
    filters: 'What to count',
    fiscalYear: 'Fiscal year',
    fiscalYearOption: 'FY{{year}} ({{wareki}})',
    fromMonth: 'From month',
    toMonth: 'To month',
    monthOption: '{{year}}-{{month}}',
    site: 'Site',
    sites: {
      all: 'All sites (center and outreach)',
      center: 'Center only',
      outreach: 'All outreach days and events',
      events: 'One event',
    },
    eventOption: '{{date}} {{title}}',
    building: 'Counting…',
    export: 'Export',
    exportCsv: 'Save as CSV',
    exportXlsx: 'Save as Excel (.xlsx)',
    exporting: 'Exporting…',
    exported: '{{filename}} saved. The export is recorded in the audit log.',
    exportNote: 'The file holds counts only (no names or other personal details). Every export is recorded.',
    help: 'Counting rules',
    helpTitle: 'How the tables count',
    helpIntro:
      'The tables and charts on this screen and the exported CSV and Excel files all count by these rules.',
    helpGeneral: 'General rules',
    helpTables: 'Rules of each table',
    closeHelp: 'Close',
    contents: 'Contents',
    charts: 'Charts',
    tables: 'Tables',
    chart: {
      monthMethod: 'Consultations by month and method (contacts)',
      category: 'Consultations by content (main groups)',
      disease: 'Consultations by disease group',
      ageSex: 'Persons by age band and sex',
      main: 'Main content',
      all: 'All contents (contacts)',
      visits: 'Contacts',
      persons: 'Persons',
      empty: 'No consultations match.',
    },
    noPermission: 'Statistics need the right to see every consultation record.',
  },
};

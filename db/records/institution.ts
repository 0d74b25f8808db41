import { plainRecord } from './write-record';

/**
 * The directory: 保健所, hospitals, Hello Work, offices, patient groups. Which 保健所 covers a
 * municipality is answered once, in institution-area.ts, for intake, the directory,
 * coordination and the report alike.
 */
export const institutionRecord = plainRecord('institution');

export { AreaLookup, centerPrefecture, cityOfWard } from './institution-area';

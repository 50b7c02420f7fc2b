import { startIndexHeadRead } from '../storage/head-ahead';

// popup.html's first script, classic and tiny: when the popup opens on the library, its first rows are read
// while the popup's modules load (src/storage/head-ahead.ts).
if (location.hash === '#library') startIndexHeadRead();

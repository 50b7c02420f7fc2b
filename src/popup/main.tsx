import { render } from 'preact';
import { readIndexHeadAhead } from '../library/useLibrary';
import { Popup } from './Popup';
import '../ui/reader.css';
import '../library/library.css';
import './popup.css';

// Opened on the library (popup.html#library), the popup renders once its first rows are in: their read
// started before these modules loaded (popup/head-ahead.js), so it is usually back by now, and the first
// render paints the list, not an empty frame that a second render fills. A failed read renders at once
// (the list then says what it can).
if (location.hash === '#library') await readIndexHeadAhead().catch(() => {});
render(<Popup />, document.getElementById('app')!);

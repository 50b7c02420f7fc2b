import { render } from 'preact';
import { readIndexHeadAhead } from '../library/useLibrary';
import { Popup } from './Popup';
import '../ui/reader.css';
import '../library/library.css';
import './popup.css';

// When the popup opens on the library (popup.html#library), its first rows are read while it renders.
if (location.hash === '#library') readIndexHeadAhead();
render(<Popup />, document.getElementById('app')!);

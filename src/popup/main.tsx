import { render } from 'preact';
import { Popup } from './Popup';
import '../ui/reader.css';
import '../library/library.css';
import './popup.css';

render(<Popup />, document.getElementById('app')!);

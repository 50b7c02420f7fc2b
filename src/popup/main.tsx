import { render } from 'preact';
import { Popup } from './Popup';
import '../ui/reader.css';
import './popup.css';

render(<Popup />, document.getElementById('app')!);

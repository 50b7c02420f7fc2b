import { render } from 'preact';
import { t } from '../shared/i18n';
import { Reader } from './Reader';
import '../ui/reader.css';
import '../library/library.css';
import './reader-page.css';

document.title = t('extensionName');
render(<Reader search={location.search} />, document.getElementById('app')!);

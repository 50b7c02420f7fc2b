import { render } from 'preact';
import { t } from '../shared/i18n';
import { Options } from './Options';
import '../ui/base.css';
import './options.css';

document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);

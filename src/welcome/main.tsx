import { render } from 'preact';
import { t } from '../shared/i18n';
import { Welcome } from './Welcome';
import '../ui/page.css';

document.title = t('welcomeTitle');
render(<Welcome />, document.getElementById('app')!);

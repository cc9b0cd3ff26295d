import { render } from 'preact';
import '@/components/theme.css';
import { I18nProvider } from '@/components/i18n';
import { browserI18n } from '@/lib/ui/i18n';
import { App } from './App';

const i18n = browserI18n();
document.documentElement.lang = i18n.locale;
render(<I18nProvider i18n={i18n}><App /></I18nProvider>, document.getElementById('app')!);

import { render } from 'solid-js/web';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './ui/styles.css';
import { App } from './ui/App';

render(() => <App />, document.getElementById('root')!);

import { render } from 'solid-js/web';
// Only the subsets Vietnamese and English text need (no Cyrillic, Greek, Devanagari in dist/).
// The map's labels are drawn from these faces too (src/map/fonts.ts).
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import './ui/styles.css';
import { App } from './ui/App';

render(() => <App />, document.getElementById('root')!);

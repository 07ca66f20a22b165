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
import { createShell } from './ui/shell';
import { startFirstMap } from './app/startup';

// The map first, with the page's frame (title, loading notice); the interface's code loads once
// the map is idle (or has failed) and takes the map over (src/app/startup.ts says why).
const root = document.getElementById('root')!;
const shell = createShell(root);
const first = startFirstMap(shell.map);
first.listen({ onState: (s) => shell.setState(s) });
shell.setState(first.state());
void first.settled
  .then(() => import('./ui/App'))
  .then(({ App }) => {
    render(() => <App first={first} mapContainer={shell.map} />, root);
    shell.remove();
  });

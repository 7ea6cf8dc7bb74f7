// First: zod must know before any schema is built that eval is off (see the module).
import './shell/zod-without-eval.js';
import { render } from 'preact';
import { App } from './app.js';
import './styles.css';

render(<App />, document.getElementById('app')!);

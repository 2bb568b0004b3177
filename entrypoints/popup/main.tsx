import { render } from 'preact';
render(<p>Qinglang Lens</p>, document.getElementById('app')!);

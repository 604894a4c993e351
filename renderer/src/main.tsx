import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { openPath } from './state/files';

// A model named on the command line, or by a second launch, opens like File > Open.
window.mercatorShell?.onOpenFile((path) => void openPath(path));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

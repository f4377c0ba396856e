import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { warnBeforeLeavingUnsent } from './warn-before-leaving';

warnBeforeLeavingUnsent();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

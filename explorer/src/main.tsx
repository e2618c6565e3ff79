import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchView } from './api.js';
import { App, type EarlyView } from './App.js';
import { readViewState, writeViewState } from './viewState.js';
import './explorer.css';

// A shared link's view is requested before React and cytoscape start, to draw it sooner.
const initial = readViewState(window.location.search);
const early: EarlyView | null = initial.focus
  ? { key: writeViewState(initial), slice: fetchView(initial.focus, initial.depth, initial.expanded, initial) }
  : null;

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <App early={early} />
  </StrictMode>,
);

import { mount } from 'svelte';
import './ui/styles/global.css';
import App from './ui/App.svelte';
import { rememberLanguage } from './ui/state/language.svelte.ts';

// The stored language choice, before anything renders (i18n may not import the storage wrapper).
rememberLanguage();
mount(App, { target: document.getElementById('app')! });

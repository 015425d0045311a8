/**
 * The five ways to get server events that the comparison races. Its own module so that a page that only
 * names them (a lesson's widget settings) does not load the whole race simulation.
 */
export type Technique = 'polling' | 'long-polling' | 'streaming' | 'sse' | 'websocket';
export const TECHNIQUES: readonly Technique[] = ['polling', 'long-polling', 'streaming', 'sse', 'websocket'];

// Component kinds, facts, controls, flow facts and zones: what the UI builds its palette and inspector from.
export * from './ids';
export * from './fields';
export * from './facts';
export * from './controls';
export * from './define';
export * from './registry';
export * from './flow-facts';
export * from './zones';

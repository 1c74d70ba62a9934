/** Volume warnings (投诉预警): settings, time windows and the assessment; see docs/WARNINGS.md. */
export * from './settings';
export * from './windows';
export * from './assess';
export * from './lifecycle';
export * from './state';

export * from './auth';
export * from './compose';
export * from './drafts';
export * from './mail';
export * from './outgoing';
export * from './preferences';
export * from './rate-limit';

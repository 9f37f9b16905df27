export * from './auth';
export * from './compose';
export * from './drafts';
export * from './error-record';
export * from './mail';
export * from './outgoing';
export * from './preferences';
export * from './rate-limit';

export * from './auth';
export * from './compose';
export * from './mail';
export * from './preferences';
export * from './rate-limit';

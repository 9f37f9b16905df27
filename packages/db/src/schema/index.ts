export * from './auth';
export * from './mail';
export * from './preferences';
export * from './rate-limit';

import { describe, expect, it } from 'vitest';
import { decidePasswordStep } from './embedded-password';

describe('the embedded role password', () => {
  it('is generated and given to initdb when the data folder has no cluster yet', () => {
    expect(decidePasswordStep({ clusterExists: false, passwordSaved: false }).type).toBe(
      'initialise',
    );
  });

  it('is the saved one for a cluster initialised by this version', () => {
    expect(decidePasswordStep({ clusterExists: true, passwordSaved: true }).type).toBe('use');
  });

  it('replaces the old fixed password of a cluster that has no password file', () => {
    expect(decidePasswordStep({ clusterExists: true, passwordSaved: false }).type).toBe(
      'replace-legacy',
    );
  });

  it('reuses a saved password for a cluster removed since (initdb again with it)', () => {
    expect(decidePasswordStep({ clusterExists: false, passwordSaved: true }).type).toBe(
      'initialise',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { decideClusterPlace, type PlaceFacts } from './embedded-place';
import { candidatePorts } from './embedded-port';
import { oneLine } from './startup-error';

const facts = (overrides: Partial<PlaceFacts>): PlaceFacts => ({
  dataDir: '/root/you jian/.data',
  runsAsOtherUser: true,
  dataDirReachable: false,
  pointerTarget: undefined,
  clusterInPlace: false,
  ...overrides,
});

describe('where the embedded cluster lives', () => {
  it('stays in the data folder when the server runs as the person themself', () => {
    expect(decideClusterPlace(facts({ runsAsOtherUser: false }))).toEqual({
      kind: 'in-place',
      databaseDir: '/root/you jian/.data/pg',
    });
  });

  it('stays in the data folder when root hands it to a postgres user who can reach it', () => {
    expect(decideClusterPlace(facts({ dataDirReachable: true })).kind).toBe('in-place');
  });

  it('moves under /var/lib/youjian, linked from the data folder, when postgres cannot enter it', () => {
    const place = decideClusterPlace(facts({}));
    expect(place).toEqual({
      kind: 'relocated',
      databaseDir: expect.stringMatching(/^\/var\/lib\/youjian\/[0-9a-f]{16}\/pg$/),
      pointer: '/root/you jian/.data/pg',
    });
  });

  it('gives each data folder a place of its own, the same at every start', () => {
    const first = decideClusterPlace(facts({})).databaseDir;
    expect(decideClusterPlace(facts({})).databaseDir).toBe(first);
    expect(
      decideClusterPlace(facts({ dataDir: '/root/you jian/.data/demo' })).databaseDir,
    ).not.toBe(first);
  });

  it('follows the link an earlier start left', () => {
    const place = decideClusterPlace(facts({ pointerTarget: '/var/lib/youjian/abc/pg' }));
    expect(place.databaseDir).toBe('/var/lib/youjian/abc/pg');
  });

  it('says in one line what to do with a cluster its user cannot reach', () => {
    expect(() => decideClusterPlace(facts({ clusterInPlace: true }))).toThrow(
      /cannot enter \/root\/you jian\/\.data.*YOUJIAN_DATA_DIR/,
    );
  });
});

describe('the embedded port', () => {
  it('tries 54329 first, then the ports just above it', () => {
    expect(candidatePorts(undefined).slice(0, 3)).toEqual([54329, 54330, 54331]);
  });

  it('tries the port this data folder used last first, so its URL stays the same', () => {
    const ports = candidatePorts(54331);
    expect(ports.slice(0, 3)).toEqual([54331, 54329, 54330]);
    expect(ports.filter((port) => port === 54331)).toHaveLength(1);
  });
});

describe('a start-up failure in one line', () => {
  it('never reads undefined', () => {
    expect(oneLine(undefined)).toBe('an unexpected failure without a message');
  });

  it('joins a message of several lines', () => {
    expect(oneLine(new Error('initdb failed\n  could not create directory'))).toBe(
      'initdb failed could not create directory',
    );
  });
});

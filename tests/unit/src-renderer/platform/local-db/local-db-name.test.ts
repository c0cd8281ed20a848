import { describe, expect, it } from 'vitest';
import { localDbName } from '../../../../../src-renderer/platform/local-db/local-db-name';

describe('localDbName', () => {
  it('names the database after the server host, port and path, and the user', () => {
    expect(localDbName('https://lapor.example.go.id:8443/', 'u-1')).toBe(
      'posko:lapor.example.go.id_3a_8443:u-1',
    );
    expect(localDbName('https://LAPOR.example.go.id/posko/', 'u-1')).toBe(
      'posko:lapor.example.go.id_2f_posko:u-1',
    );
  });

  it('ignores the scheme and a trailing slash', () => {
    expect(localDbName('http://127.0.0.1:8787', 'admin')).toBe(
      localDbName('https://127.0.0.1:8787/', 'admin'),
    );
  });

  it('uses a profile id as it is, escaped', () => {
    expect(localDbName('profile 1', 'u-1')).toBe('posko:profile_20_1:u-1');
  });

  it('never lets two different profiles or users share a name', () => {
    const names = [
      localDbName('a', 'b:c'),
      localDbName('a:b', 'c'),
      localDbName('a_3a_b', 'c'),
      localDbName('a', 'b_c'),
      localDbName('a', 'b c'),
    ];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.split(':')).toHaveLength(3);
  });
});

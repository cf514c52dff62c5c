import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { md5Hex } from '../../src/auth/md5';

describe('md5Hex', () => {
  // The test suite of RFC 1321, appendix A.5.
  test.for([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
  ])('RFC 1321: md5("%s")', ([input, digest]) => expect(md5Hex(input!)).toBe(digest));

  test.for([55, 56, 63, 64, 65, 1000])('matches node:crypto across the padding boundary (%i bytes, UTF-8)', (length) => {
    const input = 'é'.repeat(length).slice(0, length);
    expect(md5Hex(input)).toBe(createHash('md5').update(input, 'utf8').digest('hex'));
  });
});

package io.callscore.engine.cert;

import java.util.HexFormat;

/** Fixed Ed25519 keys for tests: RFC 8032 section 7.1, TEST 1 and TEST 2 (public vectors, never for real use). */
final class TestKeys
{
    /** The DER prefix of a PKCS#8 Ed25519 private key (RFC 8410); the 32-byte seed follows it. */
    private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";

    static final String SEED_1 = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String PUBLIC_1 = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String SEED_2 = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    static final String PUBLIC_2 = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";

    private TestKeys()
    {
    }

    static ValidatorKey first()
    {
        return key(SEED_1, PUBLIC_1);
    }

    static ValidatorKey second()
    {
        return key(SEED_2, PUBLIC_2);
    }

    static byte[] pkcs8(final String seedHex)
    {
        return HexFormat.of().parseHex(PKCS8_PREFIX + seedHex);
    }

    private static ValidatorKey key(final String seedHex, final String publicHex)
    {
        return ValidatorKey.of(pkcs8(seedHex), HexFormat.of().parseHex(publicHex));
    }
}

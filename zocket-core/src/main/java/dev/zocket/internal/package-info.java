/**
 * Internal: implementations shared by Zocket's own modules (the server, the client and the test
 * kit). Not API and not an extension point; anything here may change or disappear in any
 * release. Applications use the {@code dev.zocket} package, and implement only what
 * {@code dev.zocket.spi} declares.
 */
package dev.zocket.internal;

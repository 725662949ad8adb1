/**
 * Authorization: the access policy file, the contract's role rules and programmatic authorizers,
 * combined into one decision that the protocol handler asks for before any instance is touched.
 */
package dev.zocket.server.internal.authz;

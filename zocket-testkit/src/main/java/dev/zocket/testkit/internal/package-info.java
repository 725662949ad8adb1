/** The kit's plumbing: its executor, clock and in-memory connections. Not an API. */
package dev.zocket.testkit.internal;

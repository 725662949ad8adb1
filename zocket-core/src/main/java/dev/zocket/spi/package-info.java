/**
 * The contract between Zocket's runtimes and what plugs into them: the types generated code
 * implements ({@link dev.zocket.spi.ActorBinding}, {@link dev.zocket.spi.MethodDispatcher},
 * {@link dev.zocket.spi.StateDiffer}, {@link dev.zocket.spi.StateApplier},
 * {@link dev.zocket.spi.StateViews},
 * {@link dev.zocket.spi.HandleFactory}), the types it calls
 * ({@link dev.zocket.spi.ActorChannel}, {@link dev.zocket.spi.EventSink},
 * {@link dev.zocket.spi.InputDecoder}), and the extension points a host or test kit supplies
 * ({@link dev.zocket.spi.TimeSource}). Implementations live elsewhere: nothing here owns a
 * thread or a socket.
 */
package dev.zocket.spi;

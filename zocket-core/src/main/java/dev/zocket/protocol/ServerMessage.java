package dev.zocket.protocol;

/** A message the server sends to a client. */
public sealed interface ServerMessage extends Message
        permits Welcome, RpcResult, EventMessage, StateSnapshot, StatePatch, ProtocolError {}

package dev.zocket.server.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.zocket.protocol.MessageType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A fan-out frames its message once and shares the frame; nothing else does. */
class OutgoingMessageTest {

    private final OutgoingMessage message = new OutgoingMessage(MessageType.STATE_PATCH,
            "{\"type\":\"state:patch\"}".getBytes(StandardCharsets.UTF_8));
    private final AtomicInteger framed = new AtomicInteger();
    private final Function<byte[], ByteBuffer> framer = payload -> {
        framed.incrementAndGet();
        return ByteBuffer.wrap(payload.clone());
    };

    @Test
    void aFanOutToManyFramesOnceAndHandsEachRecipientItsOwnView() {
        List<ByteBuffer> views = new ArrayList<>();
        message.fanOut(OutgoingMessage.SHARED_FRAME_RECIPIENTS, () -> {
            for (int i = 0; i < OutgoingMessage.SHARED_FRAME_RECIPIENTS; i++) {
                views.add(message.sharedFrame(framer));
            }
        });
        assertEquals(1, framed.get());
        views.get(0).position(5); // one connection's partial write moves only its own view
        assertEquals(0, views.get(1).position());
        assertNotSame(views.get(0), views.get(1));
        assertEquals(views.get(1), views.get(2));
    }

    @Test
    void outsideAFanOutOrToFewRecipientsTheTransportFramesPerConnection() {
        assertNull(message.sharedFrame(framer));
        message.fanOut(OutgoingMessage.SHARED_FRAME_RECIPIENTS - 1, () -> assertNull(message.sharedFrame(framer)));
        assertEquals(0, framed.get());
    }

    @Test
    void theSharedFrameIsLetGoWhenTheFanOutEnds() {
        message.fanOut(10, () -> message.sharedFrame(framer));
        assertNull(message.sharedFrame(framer), "a message kept for later does not keep its frame");
        message.fanOut(10, () -> message.sharedFrame(framer));
        assertEquals(2, framed.get());
    }
}

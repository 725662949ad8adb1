package test;

import dev.zocket.Actor;

@Actor("orders")
public interface ErroneousClassInInput {
    record State(int count) {}
    final class Money {
        long cents;
    }
    record Order(Money total) {}

    void place(Order order);
}

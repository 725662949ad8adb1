package test;

import dev.zocket.Actor;

@Actor("getter")
public interface ErroneousGetterInState {
    record State(int count) {
        public int getDoubled() {
            return count * 2;
        }
    }
}

package dev.zocket.spi;

import dev.zocket.json.JsonCodec;
import dev.zocket.json.PatchOperation;
import java.util.List;

/**
 * Applies an incoming RFC 6902 patch straight to a typed state record: the inverse of the
 * {@link StateDiffer}. Generated per state record. Only the records, lists and maps on the path
 * of each operation are rebuilt; everything else is shared with the input, and only the new
 * values in the patch are decoded. The input is never changed.
 *
 * <p>It understands the operations the generated differ produces. Anything else (another
 * operation, a path it cannot follow, a type it does not take apart) makes it throw
 * {@link dev.zocket.diff.UnsupportedPatchException}, and the caller applies the patch to the
 * JSON and decodes the whole state instead. Thread-safe and stateless; the client calls it under
 * its lock, so it must not call back into the client.
 *
 * @param <S> the state record
 */
public interface StateApplier<S> {

    /** The state record this applier works on. */
    Class<S> stateType();

    /**
     * Returns {@code state} with every operation applied in order.
     *
     * @param json decodes the values the operations carry
     * @throws dev.zocket.diff.UnsupportedPatchException if an operation is not one this applier
     *     follows
     * @throws dev.zocket.json.DecodeException if a value in the patch does not fit its member
     */
    S apply(S state, List<PatchOperation> operations, JsonCodec json);
}

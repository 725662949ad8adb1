package dev.zocket.diff;

/**
 * A patch operation a generated {@link dev.zocket.spi.StateApplier} does not follow: an
 * operation the differ never produces, a path it cannot walk, or a member it does not take
 * apart. Not an error: the caller falls back to applying the patch to the JSON.
 */
public final class UnsupportedPatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedPatchException(String message) {
        super(message, null, false, false);
    }
}

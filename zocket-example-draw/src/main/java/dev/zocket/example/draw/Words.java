package dev.zocket.example.draw;

import java.util.List;
import java.util.random.RandomGenerator;

/** The words to draw, and the hint shown to guessers. */
public final class Words {

    /** Easy enough to draw in a minute, hard enough to guess in more than one second. */
    public static final List<String> ALL = List.of(
            "cat", "pizza", "robot", "banana", "guitar", "rocket", "dragon", "pirate", "castle", "cactus",
            "house", "tree", "sun", "bicycle", "umbrella", "snowman", "octopus", "volcano", "penguin", "lighthouse",
            "butterfly", "train", "apple", "clock", "rainbow", "spider", "island", "anchor", "balloon", "crown",
            "ghost", "hammer", "key", "ladder", "mushroom", "owl", "parrot", "scissors", "snail", "tent",
            "tornado", "turtle", "whale", "windmill", "diamond", "candle", "camera", "bridge", "kite", "fish");

    private Words() {}

    public static String pick(RandomGenerator random) {
        return ALL.get(random.nextInt(ALL.size()));
    }

    /** One underscore per letter, spaced: {@code "cat"} is {@code "_ _ _"}; spaces stay visible as gaps. */
    public static String hint(String word) {
        StringBuilder hint = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            if (i > 0) {
                hint.append(' ');
            }
            hint.append(Character.isWhitespace(word.charAt(i)) ? ' ' : '_');
        }
        return hint.toString();
    }
}

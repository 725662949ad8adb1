package dev.zocket.json;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Runs the public json-patch-tests suite (and our extra cases in the same format) through
 * {@link JsonPatch#apply}. Every case is one dynamic test, so the surefire summary counts them.
 */
class JsonPatchConformanceTest {

    /**
     * Disabled upstream because they use duplicate object members, which a parsed JSON tree
     * cannot represent. {@code ProtocolCodec} rejects duplicate members when reading frames.
     */
    private static final Set<String> NEEDS_DUPLICATE_MEMBERS =
            Set.of("duplicate ops", "A.13 Invalid JSON Patch Document");

    @TestFactory
    Stream<DynamicTest> suiteTests() throws IOException {
        return cases("tests.json");
    }

    @TestFactory
    Stream<DynamicTest> specTests() throws IOException {
        return cases("spec_tests.json");
    }

    @TestFactory
    Stream<DynamicTest> zocketExtraTests() throws IOException {
        return cases("zocket-extra-tests.json");
    }

    private Stream<DynamicTest> cases(String file) throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/json-patch-tests/" + file)) {
            cases = JsonCodec.standard().mapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode testCase = cases.get(i);
            if (!testCase.has("doc")) {
                continue; // comment-only record
            }
            String comment = testCase.path("comment").asString("case " + i);
            tests.add(DynamicTest.dynamicTest(file + " #" + i + ": " + comment, () -> run(testCase, comment)));
        }
        return tests.stream();
    }

    private static void run(JsonNode testCase, String comment) {
        assumeTrue(!NEEDS_DUPLICATE_MEMBERS.contains(comment),
                "relies on duplicate object members, which a JSON tree cannot hold");
        JsonNode document = testCase.get("doc");
        JsonNode documentBefore = document.deepCopy();
        if (testCase.has("error")) {
            JsonPatchException failure = assertThrows(JsonPatchException.class,
                    () -> JsonPatch.fromJson(testCase.get("patch")).apply(document),
                    "expected failure: " + testCase.get("error").asString());
            assertTrue(failure.getMessage().startsWith("operation "), failure.getMessage());
        } else {
            JsonNode result = JsonPatch.fromJson(testCase.get("patch")).apply(document);
            JsonNode expected = testCase.has("expected") ? testCase.get("expected") : documentBefore;
            assertTrue(JsonEquality.equal(expected, result), () -> "expected " + expected + " but got " + result);
        }
        assertTrue(JsonEquality.equal(documentBefore, document), "apply must not mutate its input");
    }
}

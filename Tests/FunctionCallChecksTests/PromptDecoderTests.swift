import FunctionCallChecks
import Testing

/// The Python-syntax decoders, including the official code's quirks that change verdicts.
@Suite struct PromptDecoderTests {
    @Test(arguments: [
        ("[f(a=1, b='x')]", "[{'f': {'a': 1, 'b': 'x'}}]"),
        ("[math.hypot(x=4, y=5.0), g.h.i(z=[1, -2], w={'k': (1, 2)})]", "[{'math.hypot': {'x': 4, 'y': 5.0}}, {'g.h.i': {'z': [1, -2], 'w': {'k': (1, 2)}}}]"),
        ("[f(a=True, b=None, c=\"it's\")]", "[{'f': {'a': True, 'b': None, 'c': \"it's\"}}]"),
        // `+5` decodes as -5: the official resolver negates every unary operand.
        ("[f(a=+5)]", "[{'f': {'a': -5}}]"),
        // Arithmetic is evaluated; names become strings; calls without keywords become their source text.
        ("[f(a=2*3, b=x, c=now())]", "[{'f': {'a': 6, 'b': 'x', 'c': 'now()'}}]"),
        ("[f(a='a' 'b', b=1e-3)]", "[{'f': {'a': 'ab', 'b': 0.001}}]"),
    ])
    func decodesTheV1Way(_ text: String, _ expected: String) throws {
        #expect(try PromptDecoder.decodePython(text, version: .v1).description == expected)
    }

    /// v1 resolves each top-level call as a value: a call without keyword arguments is a string (so the entry is
    /// not in function-calling format); v3 resolves it as a call with no arguments.
    @Test func aCallWithoutArgumentsDiffersBetweenVersions() throws {
        #expect(try PromptDecoder.decodePython("[movies.search()]", version: .v1) == .list([.string("movies.search()")]))
        #expect(try PromptDecoder.decodePython("[movies.search()]", version: .v3) == .list([.dict([(.string("movies.search"), .dict([]))])]))
    }

    /// v3 cleans up fences and missing brackets and accepts a bare call; v1 fails on both.
    @Test func v3ForgivesFencesAndBareCalls() throws {
        let fenced = "```\n[f(a=1)]\n```"
        #expect(throws: PromptDecoder.DecodeError.self) { try PromptDecoder.decodePython(fenced, version: .v1) }
        #expect(try PromptDecoder.decodePython(fenced, version: .v3).description == "[{'f': {'a': 1}}]")
        #expect(throws: PromptDecoder.DecodeError.self) { try PromptDecoder.decodePython("f(a=1)", version: .v1) }
        #expect(try PromptDecoder.decodePython("f(a=1)", version: .v3).description == "[{'f': {'a': 1}}]")
    }

    @Test(arguments: [
        "I cannot answer that.", "[f(a=1)", " [f(a=1)]", "[f(a=1)]\n[g(b=2)]", "[f(a=unit.METRIC)]", "[f(a=x > 1)]", "[f(a=lambda x: x)]",
        "[f(a=f'{x}')]", "[1, 2]", "[f(a={1, 2})]",
    ])
    func rejectsWhatTheOfficialDecoderRejects(_ text: String) {
        #expect(throws: PromptDecoder.DecodeError.self) { try PromptDecoder.decodePython(text, version: .v1) }
    }

    /// Positional arguments are never resolved, so an unsupported expression there does not fail the decoding.
    @Test func positionalArgumentsAreDropped() throws {
        #expect(try PromptDecoder.decodePython("[f(x > 1, a=2)]", version: .v1).description == "[{'f': {'a': 2}}]")
    }

    @Test(arguments: [
        ("[Foo.bar(a=\"x y\", b='c', n=42L)]", "[{'Foo.bar': {'a': 'x y', 'b': 'c', 'n': '42L'}}]"),
        ("[f(list=new ArrayList<>(Arrays.asList(\"a\", \"b\")), arr=new int[]{1, 2})]",
         "[{'f': {'list': 'new ArrayList<>(Arrays.asList(\"a\", \"b\"))', 'arr': 'new int[]{1,2}'}}]"),
        ("[f(m=new HashMap<String, Integer>() {{ put(\"a\", 1); }}, e=XyzmMode.XYZ, s=session)]",
         "[{'f': {'m': 'new HashMap<String,Integer>()', 'e': 'XyzmMode.XYZ', 's': 'session'}}]"),
    ])
    func decodesJavaAsTheTreeSitterTraversalRendersIt(_ text: String, _ expected: String) throws {
        #expect(try JavaCallDecoder.decode(text).description == expected)
    }

    @Test func javaRejectsPythonLiterals() {
        #expect(throws: PromptDecoder.DecodeError.self) { try JavaCallDecoder.decode("[f(a=[1, 2])]") }
        #expect(throws: PromptDecoder.DecodeError.self) { try JavaCallDecoder.decode("[f(a=\"x\" b=1)]") }
    }

    @Test func decodesJavaScriptArgumentsAsTheirSource() throws {
        let decoded = try JavaScriptCallDecoder.decode("[submit(action='go', coords=[60, 30], opts={a: 1, b: \"x\"}, cb=(e) => e.id)]")
        #expect(decoded.description == "[{'submit': {'action': 'go', 'coords': '[60, 30]', 'opts': '{a: 1, b: \"x\"}', 'cb': '(e) => e.id'}}]")
        #expect(try JavaScriptCallDecoder.decode("[f(a=1), g(b=2)]") == .none)
        #expect(throws: PromptDecoder.DecodeError.self) { try JavaScriptCallDecoder.decode("[f(a=\"x\" b=1)]") }
    }
}

import FunctionCallChecks
import Testing

/// The Java and JavaScript type converters on the official test file's cases (`java_type_converter.py`,
/// `js_type_converter.py`), and their fall-backs to the string.
@Suite struct TypeConverterTests {
    @Test(arguments: [
        ("true", "boolean", nil, "True"), ("123", "integer", nil, "123"), ("-123", "integer", nil, "-123"), ("3.14f", "float", nil, "3.14"),
        ("3.14", "double", nil, "3.14"), ("123L", "long", nil, "123"), ("abc", "String", nil, "'abc'"), ("new int[]{1, 2, 3}", "Array", "integer", "[1, 2, 3]"),
        ("new ArrayList<>(Arrays.asList(\"a\", \"b\"))", "ArrayList", "String", "['a', 'b']"),
        ("new HashMap<String, String>() {{ put(\"key\", \"value\"); }}", "HashMap", nil, "{'key': 'value'}"),
        ("3e3F", "float", nil, "3000.0"), ("new int[] { }", "Array", "integer", "[]"), ("new HashMap<>()", "HashMap", nil, "{}"),
        ("new long[]{1L, 2, 3L}", "Array", "long", "[1, '2', 3]"),
        ("new ArrayList<Float>() {{ add(1.0f); add(2.0f); }}", "ArrayList", "float", "[1.0, 2.0]"),
        // Falls back to the string: a long without `L`, a char (the official pattern never matches), an array without `new`.
        ("42", "long", nil, "'42'"), ("'a'", "char", nil, "\"'a'\""), ("[101, 202]", "ArrayList", "integer", "'[101, 202]'"),
    ] as [(String, String, String?, String)])
    func java(_ value: String, _ type: String, _ nested: String?, _ expected: String) throws {
        #expect(try JavaTypeConverter.convert(value, type: type, nestedType: nested).description == expected)
    }

    @Test func javaSetIsNotImplementedAsOfficially() {
        #expect(throws: (any Error).self) { try JavaTypeConverter.convert("x", type: "Set") }
    }

    @Test(arguments: [
        ("true", "Boolean", nil, "True"), ("123", "integer", nil, "123"), ("3.14", "float", nil, "3.14"), ("123n", "Bigint", nil, "123"),
        ("[1, 2, 3]", "array", nil, "[1, 2, 3]"), ("new Array(1, 2, 3)", "array", nil, "[1, 2, 3]"), ("{'key': 'value'}", "dict", nil, "{'key': 'value'}"),
        ("{'key1': 123, 'key2': 'value', 'key3': false}", "dict", nil, "{'key1': 123, 'key2': 'value', 'key3': False}"),
        ("[1, 'two', true]", "array", nil, "[1, 'two', True]"), ("[\"hello\", \"world\"]", "array", "String", "['hello', 'world']"),
        (" [ [ 1, 2 ], [ 3,   4], [5, 6]]", "array", "array", "[[1, 2], [3, 4], [5, 6]]"), ("'abc'", "String", nil, "'abc'"),
        ("{\"initialState\": initialStateObject, \"middlewares\": [\"loggerMiddleware\"]}", "dict", nil,
         "{'initialState': 'initialStateObject', 'middlewares': ['loggerMiddleware']}"),
        ("3.14abc", "float", nil, "'3.14abc'"),
    ] as [(String, String, String?, String)])
    func javaScript(_ value: String, _ type: String, _ nested: String?, _ expected: String) throws {
        #expect(try JavaScriptTypeConverter.convert(value, type: type, nestedType: nested).description == expected)
    }
}

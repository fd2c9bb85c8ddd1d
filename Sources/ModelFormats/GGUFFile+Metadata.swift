/// Typed access to metadata values.
///
/// Every accessor returns nil when the key is absent and throws `ModelFormatError` (`.malformed`) when the key is
/// present with a type that cannot be read as the one asked for. Integer accessors accept any integer width and
/// sign (GGUF writers store hyperparameters as u32 or u64); float accessors also accept integers.
extension GGUFFile {
    /// The raw value of a key, if present.
    public func value(_ key: String) -> GGUFValue? { metadata[key] }

    /// The model architecture (`general.architecture`), e.g. `llama`, `qwen2`, `gemma3`.
    public var architecture: String? { if case .string(let s)? = metadata["general.architecture"] { s } else { nil } }

    private func mismatch(_ key: String, _ wanted: String) -> ModelFormatError {
        let found = metadata[key].map { "\($0.type)" } ?? "nothing"
        return ModelFormatError(.malformed, file: path, "metadata `\(key)` should be \(wanted) but is \(found)")
    }

    /// A string value.
    public func string(_ key: String) throws -> String? {
        guard let value = metadata[key] else { return nil }
        guard case .string(let s) = value else { throw mismatch(key, "a string") }
        return s
    }

    /// An integer value (any integer type that fits in `Int`).
    public func int(_ key: String) throws -> Int? {
        guard let value = metadata[key] else { return nil }
        guard let v = value.intValue else { throw mismatch(key, "an integer") }
        return v
    }

    /// A floating-point value (f32, f64 or an integer).
    public func float(_ key: String) throws -> Double? {
        guard let value = metadata[key] else { return nil }
        guard let v = value.doubleValue else { throw mismatch(key, "a number") }
        return v
    }

    /// A bool value.
    public func bool(_ key: String) throws -> Bool? {
        guard let value = metadata[key] else { return nil }
        guard case .bool(let b) = value else { throw mismatch(key, "a bool") }
        return b
    }

    /// An array value of any element type.
    public func array(_ key: String) throws -> GGUFArray? {
        guard let value = metadata[key] else { return nil }
        guard case .array(let a) = value else { throw mismatch(key, "an array") }
        return a
    }

    /// An array of strings.
    public func strings(_ key: String) throws -> [String]? {
        guard let array = try array(key) else { return nil }
        guard case .string(let s) = array else { throw mismatch(key, "an array of strings") }
        return s
    }

    /// An array of integers (any integer element type).
    public func ints(_ key: String) throws -> [Int]? {
        guard let array = try array(key) else { return nil }
        guard let v = array.intValues else { throw mismatch(key, "an array of integers") }
        return v
    }

    /// An array of floats (float or integer element type).
    public func floats(_ key: String) throws -> [Float]? {
        guard let array = try array(key) else { return nil }
        guard let v = array.floatValues else { throw mismatch(key, "an array of numbers") }
        return v
    }

    /// Unwraps an accessor's result, throwing `.missing` naming the key when it is absent.
    ///
    /// Example: `let layers = try gguf.require(gguf.int("llama.block_count"), "llama.block_count")`.
    public func require<T>(_ value: T?, _ key: String) throws -> T {
        guard let value else {
            throw ModelFormatError(.missing, file: path, "the model has no metadata `\(key)`; it is incomplete or of another architecture")
        }
        return value
    }
}

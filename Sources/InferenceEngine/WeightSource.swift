import ModelFormats

/// One stored tensor, described in ggml terms so that the engine's converters (`ck_dequantize_row`, the int8
/// repackers) read it whatever file format it came from.
struct WeightTensor {
    /// The name as the file spells it (for error messages).
    var name: String
    /// The file holding it (for error messages).
    var file: String
    /// The element type as a ggml type id (F32, F16 and BF16 for safetensors; any GGUF type).
    var type: GGMLType
    /// The shape as the file writes it (GGUF: innermost first; safetensors: outermost first).
    var shape: [Int]
    /// Elements per row (the innermost dimension).
    var rowLength: Int
    /// Rows (the product of the other dimensions).
    var rowCount: Int
    /// The bytes, valid for the duration of the `withTensor` call that produced this value.
    var data: UnsafeRawBufferPointer

    /// The number of elements.
    var elementCount: Int { rowLength * rowCount }
}

/// Where a model's weights come from, by the engine's (GGUF) tensor names: a GGUF file, or a Hugging Face
/// safetensors checkpoint whose names are mapped to the GGUF ones (`model.layers.3.self_attn.q_proj.weight` is
/// `blk.3.attn_q.weight`).
protocol WeightSource {
    /// The file or folder the weights come from.
    var path: String { get }
    /// The files the model is read from (its identity): the GGUF file; config.json, the index and the shards.
    var files: [String] { get }

    /// Calls `body` with a tensor's bytes.
    ///
    /// - Parameters:
    ///   - name: The engine (GGUF) name of the tensor.
    ///   - body: Receives the tensor; its bytes must not escape the call.
    /// - Returns: `body`'s result, or nil when the source has no such tensor.
    /// - Throws: An error naming the file and tensor when it exists but cannot be read (an unsupported dtype).
    func withTensor<R>(_ name: String, _ body: (WeightTensor) throws -> R) throws -> R?

    /// The bytes of a tensor that stay valid as long as the source lives (a memory-mapped GGUF), or nil when the
    /// source cannot lend them (the caller copies the bytes inside `withTensor` instead).
    func persistentBytes(_ name: String) throws -> UnsafeRawBufferPointer?

    /// How error messages name a tensor: the name the file uses, and the engine name when it differs.
    func displayName(of name: String) -> String
}

extension WeightSource {
    /// Calls `body` with a tensor that must exist.
    ///
    /// - Throws: `EngineError` (`.unsupported`) naming the source and the tensor when it is missing.
    func withRequiredTensor<R>(_ name: String, _ body: (WeightTensor) throws -> R) throws -> R {
        guard let result = try withTensor(name, body) else {
            throw EngineError(.unsupported, "\(path): the model has no tensor \(displayName(of: name)); the checkpoint is incomplete or of another architecture")
        }
        return result
    }
}

/// A GGUF file lends its memory-mapped tensors directly.
extension GGUFFile: WeightSource {
    var files: [String] { [path] }

    func withTensor<R>(_ name: String, _ body: (WeightTensor) throws -> R) throws -> R? {
        guard let info = tensor(named: name) else { return nil }
        let bytes = try data(of: info)
        // `body` copies the bytes into the engine's layout; afterwards the file's pages need not stay resident, so
        // the model is held once (they are read back from the file if touched again, as embedding rows are).
        defer { releasePages(of: info) }
        return try body(WeightTensor(name: info.name, file: path, type: info.type, shape: info.shape,
                                     rowLength: info.rowLength, rowCount: info.rowCount, data: bytes))
    }

    func persistentBytes(_ name: String) throws -> UnsafeRawBufferPointer? {
        try tensor(named: name).map { try data(of: $0) }
    }

    func displayName(of name: String) -> String { "`\(name)`" }
}

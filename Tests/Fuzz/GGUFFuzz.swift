// libFuzzer entry point for the GGUF reader: any byte string must parse or throw ModelFormatError, never crash.
// Built by run-gguf-fuzz.sh together with Sources/ModelFormats (not part of the package build).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGGUF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let file = MappedFile(copying: UnsafeBufferPointer(start: data, count: size), label: "fuzz.gguf")
    if let gguf = try? GGUFFile(file: file) {
        for tensor in gguf.tensors {
            if let bytes = try? gguf.data(of: tensor), let count = tensor.byteCount {
                precondition(bytes.count == count)
                _ = bytes.last
            }
        }
        for key in gguf.metadataKeys {
            _ = try? gguf.string(key)
            _ = try? gguf.ints(key)
            _ = try? gguf.floats(key)
        }
    }
    return 0
}
